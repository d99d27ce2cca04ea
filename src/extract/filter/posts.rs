//! The furniture of a thread's posts: what every post of a forum carries beside its message.
//!
//! A forum prints the same card with each post: the poster's rank ("Member", "Volunteer"), post
//! count ("Posts: 138"), join date, location, badges, and buttons ("Quote", "Top", "Reply").
//! Their words are the forum software's, in the forum's language; what gives them away is that
//! they come back post after post in one shape, only their numbers changing. Messages do not: a
//! reply that repeats another word for word is rare, and a short one is a line.

use std::collections::HashMap;

use crate::blocks::BlockKind;
use crate::extract::build::Draft;
use crate::removal::{Reason, Removals};

/// A line of a post's card is at most this long ("Joined: 14. Sep 2019, 16:51").
const MAX_CHARS: usize = 48;
/// A card's label ("Posts", "Primary OS") is at most this long.
const MAX_LABEL_CHARS: usize = 24;
/// Lines of one shape seen this often are furniture, not messages.
const MIN_REPEATS: usize = 3;
/// What the removal says.
const FURNITURE: &str = "a post's furniture";

/// Drops the short lines that come back in one shape (digits aside) at least [`MIN_REPEATS`]
/// times in a thread: the cards and buttons of its posts.
pub(crate) fn drop_furniture(drafts: Vec<Draft>, removals: &mut Removals) -> Vec<Draft> {
    let keys: Vec<Option<String>> = drafts.iter().map(shape).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in keys.iter().flatten() {
        *counts.entry(key.as_str()).or_default() += 1;
    }
    let furniture: Vec<bool> = keys
        .iter()
        .map(|k| k.as_deref().is_some_and(|k| counts[k] >= MIN_REPEATS))
        .collect();
    let mut kept = Vec::with_capacity(drafts.len());
    for (draft, drop) in drafts.into_iter().zip(furniture) {
        if drop {
            super::record(removals, &draft, Reason::Chrome { what: FURNITURE });
        } else {
            kept.push(draft);
        }
    }
    kept
}

/// A short line's shape: the label of a "label: value" line ("Joined:", "Location:"), else its
/// text in lower case with each run of digits as one `#`; `None` for blocks that are no card's
/// line (long text, code, table rows, quotes).
fn shape(draft: &Draft) -> Option<String> {
    let kind_fits = matches!(
        draft.block.kind,
        BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Heading { .. }
    );
    let text = draft.block.text.trim();
    if !kind_fits || text.is_empty() || text.chars().count() > MAX_CHARS {
        return None;
    }
    if let Some((label, _)) = text.split_once(':')
        && (1..=MAX_LABEL_CHARS).contains(&label.chars().count())
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
    {
        return Some(format!("{}:", label.to_lowercase()));
    }
    let mut key = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                key.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            key.extend(c.to_lowercase());
        }
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use crate::Config;

    fn post(user: &str, posts: u32, joined: &str, message: &str) -> String {
        format!(
            r##"<div class="post"><div class="profile"><p><a href="/u/{user}">{user}</a></p>
            <p>Member</p><p>Posts: {posts}</p><p>Joined: {joined}</p></div>
            <div class="content"><p>{message}</p></div><p><a href="#top">Top</a></p></div>"##
        )
    }

    #[test]
    fn the_cards_of_a_thread_posts_go_and_their_messages_stay() {
        let html = format!(
            r#"<html><head><script type="application/ld+json">
            {{"@type":"DiscussionForumPosting","headline":"Which drill for concrete walls?"}}
            </script></head><body>
            <h1>Which drill for concrete walls?</h1><div class="topic">{}{}{}{}</div>
            </body></html>"#,
            post(
                "ann",
                12,
                "3. Jan 2019, 10:02",
                "FIRST I need to hang shelves on a concrete \
                wall. Is a hammer drill enough, or do I need an SDS drill for this job?"
            ),
            post(
                "bob",
                1840,
                "14. Sep 2015, 16:51",
                "SECOND An SDS drill makes it much \
                easier, but a good hammer drill will manage a few holes if you are patient."
            ),
            post(
                "cy",
                7,
                "22. Feb 2021, 08:40",
                "THIRD Rent one for the day from a tool \
                hire shop; it costs less than a cheap drill and saves your wrists."
            ),
            post(
                "ann",
                13,
                "3. Jan 2019, 10:02",
                "FOURTH Thanks both, I hired one and the \
                shelves were up within the hour. The dust was another story."
            ),
        );
        let page = crate::extract(&html, &Config::default()).expect("extracts");
        let text = page.text();
        for message in ["FIRST", "SECOND", "THIRD", "FOURTH"] {
            assert!(text.contains(message), "{message}: {text}");
        }
        for chrome in ["Posts:", "Joined:", "Member", "Top"] {
            assert!(!text.contains(chrome), "{chrome}: {text}");
        }
    }

    #[test]
    fn a_posters_signature_under_each_message_goes() {
        // A signature is the poster's, printed under every post of theirs: not the message.
        let post = |user: &str, message: &str, signature: &str| {
            format!(
                r#"<div class="post"><p class="author"><a href="/u/{user}">{user}</a></p>
                <div class="content"><p>{message}</p></div>
                <div class="signature">{signature}</div></div>"#
            )
        };
        let html = format!(
            r#"<html><head><script type="application/ld+json">
            {{"@type":"DiscussionForumPosting","headline":"Sourdough starter gone flat"}}
            </script></head><body><h1>Sourdough starter gone flat</h1><div class="topic">
            {}{}{}</div></body></html>"#,
            post(
                "ann",
                "FIRST My starter rose well for a week and now it barely bubbles at all, even \
                 after two feeds a day in a warm kitchen. What did I do wrong?",
                "SIG_ONE Baking since 1998, mostly rye and spelt, never a sliced loaf.",
            ),
            post(
                "bob",
                "SECOND It is probably hungry: feed it more often with wholemeal flour for a \
                 few days and keep it away from the radiator, which can cook it.",
                "SIG_TWO Currently proving: a seeded batard, a focaccia and patience.",
            ),
            post(
                "ann",
                "THIRD Thanks, wholemeal flour did it; it doubled overnight and the loaf I \
                 baked this morning had a proper open crumb for the first time.",
                "SIG_ONE Baking since 1998, mostly rye and spelt, never a sliced loaf.",
            ),
        );
        let text = crate::extract(&html, &Config::default())
            .expect("extracts")
            .text();
        for message in ["FIRST", "SECOND", "THIRD"] {
            assert!(text.contains(message), "{message}: {text}");
        }
        for signature in ["SIG_ONE", "SIG_TWO"] {
            assert!(!text.contains(signature), "{signature}: {text}");
        }
    }
}
