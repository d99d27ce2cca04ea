//! Copies on a listing: a card names its entry more than once (on its picture's link, in its
//! heading, in a caption), and a reader sees one title.

use rustc_hash::FxHashMap;

use crate::blocks::{Block, BlockKind};

/// A copy of a block holds at least this many words.
const MIN_COPY_WORDS: usize = 2;
/// A title's copy stands within this many blocks of the title: a card (a picture's link, a
/// badge, a title, a price, a rating, a stock line) is a handful of blocks...
const COPY_REACH: usize = 6;
/// ...and is at most this many words...
const MAX_TITLE_WORDS: usize = 12;
/// ...and stands at most this many times on the page (on the picture, in the heading, in a
/// caption): a line that every card shows (its shipping, its terms) is each card's own.
const MAX_TITLE_COPIES: usize = 3;

/// Which of a listing's blocks repeat the block before them word for word, or repeat a title a
/// few blocks before them: a card names its entry on its picture's link, in its heading and
/// again in a caption, and a reader sees one title. Table rows and code repeat for good reasons
/// and stay.
pub(crate) fn adjacent_copies(blocks: &[&Block]) -> Vec<bool> {
    let solid = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. } | BlockKind::Code { .. });
    let times = title_times(blocks);
    let mut copies = Vec::with_capacity(blocks.len());
    // The last blocks kept, newest last; a copy leaves them as they were.
    let mut recent: std::collections::VecDeque<&Block> = std::collections::VecDeque::new();
    for &block in blocks {
        let text = block.text.trim();
        // A title that stands more than once: the only blocks looked for further back.
        let title = times
            .get(text)
            .is_some_and(|&n| (2..=MAX_TITLE_COPIES).contains(&n));
        let copy = !solid(block)
            && recent.back().is_some_and(|l| {
                (!solid(l) && same_words(&l.text, &block.text))
                    || (title && recent.iter().any(|l| !solid(l) && l.text.trim() == text))
            });
        if !copy {
            if recent.len() == COPY_REACH {
                recent.pop_front();
            }
            recent.push_back(block);
        }
        copies.push(copy);
    }
    copies
}

/// How many times each title-length text that stands again within [`COPY_REACH`] blocks of
/// itself stands on the page; other texts are not counted, so that a page without such copies
/// costs no map.
fn title_times<'a>(blocks: &[&'a Block]) -> FxHashMap<&'a str, usize> {
    let text = |i: usize| blocks[i].text.trim();
    let mut times: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, block) in blocks.iter().enumerate() {
        let solid = matches!(
            block.kind,
            BlockKind::TableRow { .. } | BlockKind::Code { .. }
        );
        let title = block.text.split_whitespace().nth(MAX_TITLE_WORDS).is_none();
        if !solid && title && (i.saturating_sub(COPY_REACH)..i).any(|j| text(j) == text(i)) {
            times.insert(text(i), 0);
        }
    }
    if !times.is_empty() {
        for block in blocks {
            if let Some(n) = times.get_mut(block.text.trim()) {
                *n += 1;
            }
        }
    }
    times
}

/// Whether two texts are the same words, spacing aside, and a title's worth of them: a lone word
/// (a letter, a site's name) may well stand twice in a row.
fn same_words(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.split_whitespace(), b.split_whitespace());
    let mut words = 0;
    loop {
        match (a.next(), b.next()) {
            (None, None) => return words >= MIN_COPY_WORDS,
            (Some(x), Some(y)) if x == y => words += 1,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Config;

    #[test]
    fn a_cards_title_repeated_on_its_picture_and_heading_is_kept_once() {
        let roasts = [
            "Dark roast whole bean",
            "Medium roast ground coffee",
            "Espresso roast pods",
            "Decaf dark roast beans",
            "Vanilla flavoured ground coffee",
            "Cold brew coffee bags",
        ];
        let cards: String = roasts
            .iter()
            .enumerate()
            .map(|(i, name)| {
                format!(
                    r#"<li class="grid__item"><div class="card"><a class="card__media"
                    href="/products/{i}">{name} CARD_{i}</a><h3 class="card__heading">
                    <a href="/products/{i}">{name} CARD_{i}</a></h3>
                    <span class="price-item">$1{i}.99</span></div></li>"#
                )
            })
            .collect();
        let html = format!(
            r#"<html><head><title>Coffee</title></head><body><nav><a href="/">Home</a>
            <a href="/shop">MENU_TEXT</a></nav><main><h1>Coffee</h1><p>6 products</p>
            <ul class="product-grid">{cards}</ul></main>
            <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
        );
        let page = crate::extract(&html, &Config::default()).expect("extracts");
        let text = page.text();
        for (i, name) in roasts.iter().enumerate() {
            let title = format!("{name} CARD_{i}");
            assert_eq!(text.matches(&title).count(), 1, "{title}:\n{text}");
            assert!(text.contains(&format!("$1{i}.99")), "{text}");
        }
        assert!(!text.contains("MENU_TEXT"), "{text}");
    }

    #[test]
    fn a_cards_title_repeated_under_its_price_is_kept_once_but_a_line_every_card_shows_stays() {
        let tools = [
            "Cordless drill driver kit",
            "Compact impact wrench",
            "Oscillating multi tool",
            "Random orbit sander",
            "Circular saw with laser guide",
            "Brushless angle grinder",
        ];
        let cards: String = tools
            .iter()
            .enumerate()
            .map(|(i, name)| {
                format!(
                    r#"<li class="product-tile"><a class="tile-image" href="/p/{i}"><img
                    src="/i/{i}.jpg" alt=""><div class="tile-name">{name} TOOL_{i}</div></a>
                    <div class="badge">Sale</div><div class="tile-price">Now $8{i}.00, was
                    $9{i}.00</div><h3 class="tile-title"><a href="/p/{i}">{name} TOOL_{i}</a></h3>
                    <p class="tile-stock">Ships free in two days</p></li>"#
                )
            })
            .collect();
        let html = format!(
            r#"<html><head><title>Power tools</title></head><body><nav><a href="/">Home</a>
            <a href="/tools">MENU_TEXT</a></nav><main><h1>Power tools</h1><p>6 results</p>
            <ul class="product-list">{cards}</ul></main>
            <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
        );
        let page = crate::extract(&html, &Config::default()).expect("extracts");
        let text = page.text();
        for (i, name) in tools.iter().enumerate() {
            let title = format!("{name} TOOL_{i}");
            assert_eq!(text.matches(&title).count(), 1, "{title}:\n{text}");
            assert!(text.contains(&format!("$8{i}.00")), "{text}");
        }
        assert_eq!(text.matches("Ships free in two days").count(), 6, "{text}");
    }
}
