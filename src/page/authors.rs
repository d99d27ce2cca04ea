//! The page's authors: the names its JSON-LD or `<meta>` declare, else the byline its markup
//! marks (`itemprop=author`, `rel=author`, a class or id that says byline or author), and the
//! byline as printed.

use crate::dom::{Dom, Tag, attrs};
use crate::page::case_blind;
use crate::page::metas::Metas;
use crate::page::schema::decode_entities;
use crate::text::collapse_whitespace;
use serde_json::Value;

/// `<meta>` names and properties that carry the author's name, most specific first.
const AUTHOR_NAMES: &[&str] = &[
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
];

/// The page's authors and its author credit (see [`crate::Metadata::byline`]), from the
/// `author` of its JSON-LD `article` item, else its `<meta>`, else its markup.
pub(crate) fn authors(
    dom: &Dom<'_>,
    metas: &Metas<'_>,
    article: Option<&Value>,
) -> (Vec<String>, Option<String>) {
    let mut authors: Vec<String> = article
        .and_then(|a| a.get("author"))
        .map(names)
        .unwrap_or_default();
    if authors.is_empty() {
        authors = AUTHOR_NAMES
            .iter()
            .filter_map(|k| metas.get(k))
            .find_map(clean_name)
            .map(|a| vec![a])
            .unwrap_or_default();
    }
    let byline = if authors.is_empty() {
        let marked: Vec<usize> = author_elements(dom).collect();
        authors = markup_authors(dom, &marked);
        printed_byline(dom, &marked)
    } else {
        Some(authors.join(", "))
    };
    let mut each: Vec<String> = Vec::new();
    for name in authors.iter().flat_map(|a| split_names(a)) {
        if !each.contains(&name) {
            each.push(name);
        }
    }
    (each, byline)
}

/// Words that join the last two names of a list ("A, B and C"), in the languages of Europe.
const AND_WORDS: &[&str] = &[
    "and", "und", "et", "y", "e", "i", "en", "och", "og", "ja", "és", "ve", "и",
];

/// The names in one credit: "Ana Ruiz, Bo Li and Cy Dee" is three, split at commas and at the
/// word "and" of the page's language, when every part reads as a person's full name (two to
/// four words, not starting in lower case). "Procter & Gamble", "Smith, Jr.", "Ortega y Gasset"
/// and "Brenda Goodman, MA" stay whole.
fn split_names(name: &str) -> Vec<String> {
    let parts: Vec<String> = name
        .split(',')
        .flat_map(|part| {
            let mut names = vec![Vec::new()];
            for word in part.split_whitespace() {
                if AND_WORDS.contains(&word) {
                    names.push(Vec::new());
                } else if let Some(last) = names.last_mut() {
                    last.push(word);
                }
            }
            names.into_iter().map(|words| words.join(" "))
        })
        .filter(|p| !p.is_empty())
        .collect();
    let person = |p: &String| {
        (2..=4).contains(&p.split_whitespace().count())
            && p.chars().next().is_some_and(|c| !c.is_lowercase())
    };
    if parts.len() > 1 && parts.iter().all(person) {
        parts
    } else {
        vec![name.to_owned()]
    }
}

/// The names in a schema.org `author`: a string, a person, or a list of them.
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => clean_name(s).into_iter().collect(),
        Value::Object(map) => map
            .get("name")
            .and_then(|n| n.as_str())
            .and_then(clean_name)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

/// Words that introduce a byline and are not part of the name.
const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "reviewed by",
    "author:",
    "authors:",
    "by:",
    "by",
    "par",
    "por",
    "von",
    "door",
    "di",
    "da",
    "af",
    "av",
];

/// A person's name as a byline or a `<meta>` gives it: without "By", without what follows a
/// separator (a date, a job title), and never a URL, an e-mail address or a sentence.
fn clean_name(text: &str) -> Option<String> {
    let text = collapse_whitespace(&decode_entities(text));
    let mut name = text.as_str();
    for prefix in BYLINE_PREFIXES {
        let n = prefix.len();
        if name.len() > n
            && name.is_char_boundary(n)
            && name[..n].eq_ignore_ascii_case(prefix)
            && (prefix.ends_with(':') || name[n..].starts_with(' '))
        {
            name = name[n..].trim_start();
            break;
        }
    }
    for sep in [" | ", " - ", " – ", " — ", " • ", " · ", "\u{2022}"] {
        if let Some(at) = name.find(sep) {
            name = &name[..at];
        }
    }
    let name = name
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '—' | '•' | '·')
        })
        .trim();
    let words = name.split_whitespace().count();
    let plausible = !name.is_empty()
        && words <= 8
        && name.chars().count() <= 80
        && !name.contains("://")
        && !name.contains('@')
        && !name.chars().any(|c| c.is_ascii_digit())
        && name.chars().any(char::is_alphabetic);
    plausible.then(|| name.to_owned())
}

/// Whether an element's class or id marks it as a byline or an author's name.
fn marks_author(value: &str) -> bool {
    // Most class lists name none of the words: one pass of an automaton tells.
    if !AUTHOR_WORDS.is_match(value) {
        return false;
    }
    let value = value.to_ascii_lowercase();
    // "author", but not "authorization", "authority" or "authoring".
    let author = value.match_indices("author").any(|(at, w)| {
        let rest = &value[at + w.len()..];
        !["iz", "is", "it", "ing"]
            .iter()
            .any(|x| rest.starts_with(x))
    });
    (author || ["byline", "writtenby"].iter().any(|w| value.contains(w)))
        && ![
            "avatar",
            "image",
            "photo",
            "bio",
            "description",
            "comment",
            "about",
        ]
        .iter()
        .any(|w| value.contains(w))
}

/// The words [`marks_author`] looks for, in any case.
static AUTHOR_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| case_blind(&["author", "byline", "writtenby"]));

/// Whether an element of the page is inside the comments (a class or id of it or an ancestor
/// says "comment").
fn in_comment(dom: &Dom<'_>, i: usize) -> bool {
    let mut k = dom.nodes[i].parent;
    while k != usize::MAX {
        let marked = ["class", "id"].iter().any(|a| {
            dom.attr(k, a)
                .is_some_and(|v| v.to_ascii_lowercase().contains("comment"))
        });
        if marked {
            return true;
        }
        k = dom.nodes[k].parent;
    }
    false
}

/// The elements that name the page's author, in document order: `itemprop=author`,
/// `rel=author`, a link to an `/author/` page, or a class or id that says byline or author;
/// never in the comments.
fn author_elements<'d>(dom: &'d Dom<'_>) -> impl Iterator<Item = usize> + 'd {
    (0..dom.len()).filter(move |&i| {
        let Some(element) = dom.nodes[i].element else {
            return false;
        };
        if matches!(
            dom.nodes[i].tag,
            Tag::Meta | Tag::Void | Tag::Head | Tag::Html | Tag::Body
        ) {
            return false;
        }
        let [itemprop, rel, class, id, href] =
            attrs(element, ["itemprop", "rel", "class", "id", "href"]);
        let has =
            |v: Option<&str>, w: &str| v.is_some_and(|v| v.split_whitespace().any(|x| x == w));
        let marked = has(itemprop, "author")
            || has(itemprop, "creator")
            || has(rel, "author")
            || href.is_some_and(|h| h.contains("/author/"))
            || class.is_some_and(marks_author)
            || id.is_some_and(marks_author);
        marked && !in_comment(dom, i)
    })
}

/// The authors named in the markup: in the first element that names one (see
/// [`author_elements`]), the names inside it (`itemprop=name`, links) when it has several parts,
/// else its text without "By" and what follows the name.
fn markup_authors(dom: &Dom<'_>, marked: &[usize]) -> Vec<String> {
    for &i in marked {
        // The names inside: `itemprop=name` or links, when there are any.
        let inner: Vec<String> = (i + 1..dom.nodes[i].end)
            .filter(|&k| {
                dom.nodes[k].tag == Tag::A
                    || dom
                        .attr(k, "itemprop")
                        .is_some_and(|p| p.split_whitespace().any(|w| w == "name"))
            })
            .filter_map(|k| clean_name(&dom.text_of(k, |_| false)))
            .fold(Vec::new(), |mut all, n| {
                if !all.contains(&n) {
                    all.push(n);
                }
                all
            });
        if !inner.is_empty() && inner.len() <= 4 {
            return inner;
        }
        let text = dom.text_of(i, |_| false);
        if let Some(name) = clean_name(&text).filter(|n| !is_label(n)) {
            return vec![name];
        }
    }
    Vec::new()
}

/// The byline as the page prints it ("By Ana Sandoiu", "Par Sébastien Farcis"): the text of the
/// first element that names the author (see [`author_elements`]) and reads as a byline: under
/// 100 characters, with a letter, more than a label, no address; trailing separators dropped.
fn printed_byline(dom: &Dom<'_>, marked: &[usize]) -> Option<String> {
    marked.iter().find_map(|&i| {
        let text = dom.text_of(i, |k| dom.nodes[k].tag == Tag::Void);
        let plausible = text.chars().count() < 100
            && text.chars().any(char::is_alphabetic)
            && !is_label(text.trim_end_matches(':'))
            && !text.contains("://");
        let text = text.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ':' | '|' | '-' | '–' | '—' | '•' | '·')
        });
        plausible.then(|| text.to_owned())
    })
}

/// Words that label a byline rather than name someone.
fn is_label(name: &str) -> bool {
    let lower = name.to_lowercase();
    matches!(
        lower.as_str(),
        "author" | "authors" | "by" | "written by" | "about the author" | "follow author" | "posts"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;
    use crate::page::schema;

    /// The authors and the credit of a page.
    struct Credit {
        authors: Vec<String>,
        byline: Option<String>,
    }

    fn metadata_of(html: &str) -> Credit {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let metas = Metas::new(&dom);
        let (authors, byline) = authors(&dom, &metas, schema::article(&metas.json_ld));
        Credit { authors, byline }
    }

    #[test]
    fn json_ld_outranks_meta_and_dublin_core_outranks_author() {
        let m = metadata_of(
            r#"<script type="application/ld+json">{"@type":"NewsArticle",
              "author":[{"@type":"Person","name":"Ana Ruiz"},"Bo Li",{"name":""}]}</script>
            <meta name="author" content="Meta Author">"#,
        );
        assert_eq!(m.authors, ["Ana Ruiz", "Bo Li"]);
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Bo Li"));
        let m = metadata_of(
            r#"<meta name="author" content="Meta Author"><meta name="DC.creator" content="Jane Roe">"#,
        );
        assert_eq!(m.authors, ["Jane Roe"]);
        // An address is no name.
        let m = metadata_of(r#"<meta name="author" content="https://social.example/jane">"#);
        assert!(m.authors.is_empty());
    }

    #[test]
    fn a_credit_of_several_names_is_split() {
        let split = |n: &str| split_names(n);
        assert_eq!(
            split("Ana Ruiz, Bo Li and Cy Dee"),
            ["Ana Ruiz", "Bo Li", "Cy Dee"]
        );
        assert_eq!(split("Ana Ruiz, Bo Li, and Cy Dee").len(), 3);
        assert_eq!(split("Hans Meier und Eva Roth"), ["Hans Meier", "Eva Roth"]);
        assert_eq!(split("Jean Dupont et Marie Curie").len(), 2);
        for whole in [
            "Procter & Gamble",
            "John Smith, Jr.",
            "José Ortega y Gasset",
            "Brenda Goodman, MA",
            "Barnes and Noble",
            "Smith, John",
        ] {
            assert_eq!(split(whole), [whole], "{whole}");
        }
        let m = metadata_of(
            r#"<meta name="author" content="Ana Ruiz, Bo Li and Cy Dee"><meta name="author" content="X">"#,
        );
        assert_eq!(m.authors, ["Ana Ruiz", "Bo Li", "Cy Dee"]);
        // The credit stays as declared.
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Bo Li and Cy Dee"));
        let m = metadata_of(
            r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2024-01-01",
              "author":[{"name":"Ana Ruiz and Bo Li"},{"name":"Bo Li"}]}</script>"#,
        );
        assert_eq!(m.authors, ["Ana Ruiz", "Bo Li"]);
    }

    #[test]
    fn names_lose_prefixes_and_what_follows_a_separator() {
        assert_eq!(
            clean_name("Written by Jo Park | Staff").as_deref(),
            Some("Jo Park")
        );
        assert_eq!(clean_name("Author: Jo Park").as_deref(), Some("Jo Park"));
        assert_eq!(clean_name("Von Jo Park").as_deref(), Some("Jo Park"));
        assert_eq!(clean_name("jo@example.com"), None);
        assert_eq!(clean_name("Posted 12 May"), None);
        assert!(marks_author("post-Author") && marks_author("byline"));
        assert!(!marks_author("authorization") && !marks_author("author-avatar"));
        assert!(AUTHOR_WORDS.is_match("Post-AUTHOR"));
    }

    #[test]
    fn byline_in_markup_loses_its_prefix_and_date() {
        let m = metadata_of(
            r#"<body><h1>Headline</h1><span class="post-detail__meta-author">By Emily Norwood</span>"#,
        );
        assert_eq!(m.authors, ["Emily Norwood"]);
        let m = metadata_of(
            r#"<body><p class="byline">by <a href="/people/dan">Dan Goodin</a> - Apr 16, 2015</p>"#,
        );
        assert_eq!(m.authors, ["Dan Goodin"]);
        let m = metadata_of(r#"<body><div class="the-author">Isaiah Shelton - 3 min read</div>"#);
        assert_eq!(m.authors, ["Isaiah Shelton"]);
    }

    #[test]
    fn byline_is_printed_unless_authors_are_declared() {
        let m = metadata_of(
            r#"<body><h1>Rain</h1><div class="byline">By <a href="/people/ana">Ana Sandoiu</a> —
            </div><p>Text</p>"#,
        );
        assert_eq!(m.authors, ["Ana Sandoiu"]);
        assert_eq!(m.byline.as_deref(), Some("By Ana Sandoiu"));
        let m = metadata_of(
            r#"<body><p class="author">Par Sébastien Farcis, correspondant à Barcelone</p>"#,
        );
        assert_eq!(
            m.byline.as_deref(),
            Some("Par Sébastien Farcis, correspondant à Barcelone")
        );
        // A date in the line is kept as printed; the bare name needs none.
        let m = metadata_of(r#"<body><span class="byline">By Nathan Willis March 25, 2015</span>"#);
        assert_eq!(m.byline.as_deref(), Some("By Nathan Willis March 25, 2015"));
        // Declared authors are the credit, joined.
        let m = metadata_of(
            r#"<meta name="author" content="Corey Kilgannon"><body>
            <p class="byline">By Corey Kilgannon and a photographer</p>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Corey Kilgannon"));
        // Nor is a log-in box.
        let m = metadata_of(
            r#"<body><div id="authorization"><a href="/login">Sign In</a> | Sign Up</div>
            <div class="author_fmt">By <a rel="author" href="/brenda">Brenda Goodman, MA</a></div>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("By Brenda Goodman, MA"));
        let m =
            metadata_of(r#"<body><div class="authoring-information__author">By Jason Bates</div>"#);
        assert_eq!(m.authors, ["Jason Bates"]);
        // A label alone is no byline.
        let m = metadata_of(r#"<body><div class="author-name">Author:</div>"#);
        assert_eq!(m.byline, None);
    }

    #[test]
    fn comment_authors_are_not_the_page_author() {
        let m = metadata_of(
            r#"<body><article><p>Text</p></article>
            <ol class="comment-list"><li><span class="comment-author">Troll</span></li></ol>"#,
        );
        assert!(m.authors.is_empty());
    }
}
