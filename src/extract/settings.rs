//! What the optional settings of [`Config`] do to an article once its blocks are built: the
//! precision focus, tables left out and the target language. With the defaults nothing changes.

use crate::blocks::{Block, BlockKind, Style};
use crate::config::Config;
use crate::config::Focus;
use crate::removal::{Reason, Removals, Stage};

/// With [`Focus::Precision`], a block shorter than this many characters...
const PRECISION_SHORT_CHARS: usize = 300;
/// ...is dropped when at least this share of its text is links.
const PRECISION_LINK_SHARE: f32 = 0.5;
/// At the body's edges a block with fewer words than this and no sentence end is trimmed.
const PRECISION_EDGE_WORDS: usize = 10;

/// Applies the settings to `blocks` (the article without its title), recording every drop.
/// `language` is the page's: declared, else detected.
pub(crate) fn apply(
    config: &Config,
    blocks: &mut Vec<Block>,
    language: Option<&str>,
    removals: &mut Removals,
) {
    if let Some(target) = &config.target_language
        && !blocks.is_empty()
    {
        let found = crate::page::language::detect(blocks).or_else(|| language.map(str::to_owned));
        if found.is_some_and(|found| primary(&found) != primary(target)) {
            drop_where(blocks, removals, |_| {
                Some((
                    Stage::Select,
                    Reason::Setting {
                        setting: "target_language",
                    },
                ))
            });
            return;
        }
    }
    if !config.tables {
        drop_where(blocks, removals, |b| {
            matches!(b.kind, BlockKind::TableRow { .. })
                .then_some((Stage::Filter, Reason::Setting { setting: "tables" }))
        });
    }
    if config.focus == Focus::Precision {
        drop_where(blocks, removals, |b| {
            let share = link_share(b);
            let prose = matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Heading { .. }
            );
            let percent = (share * 100.0).round() as u8;
            (prose
                && b.note().is_none()
                && share >= PRECISION_LINK_SHARE
                && b.text.chars().count() < PRECISION_SHORT_CHARS)
                .then_some((Stage::Filter, Reason::LinkDensity { percent }))
        });
        trim_edges(blocks, removals);
    }
}

/// The language of a tag: `"en"` for `"en-GB"`, lower-cased.
fn primary(tag: &str) -> String {
    let tag = tag.trim();
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase()
}

/// Removes the blocks `why` gives a stage and reason for.
fn drop_where(
    blocks: &mut Vec<Block>,
    removals: &mut Removals,
    mut why: impl FnMut(&Block) -> Option<(Stage, Reason)>,
) {
    blocks.retain(|block| match why(block) {
        Some((stage, reason)) => {
            removals.record(block.node, stage, reason);
            false
        }
        None => true,
    });
}

/// Share of a block's characters inside links.
fn link_share(block: &Block) -> f32 {
    let total = block.text.chars().count();
    if total == 0 {
        return 0.0;
    }
    let linked: usize = block
        .spans
        .iter()
        .filter(|s| matches!(s.style, Style::Link { .. }))
        .filter_map(|s| block.text.get(s.start..s.end))
        .map(|t| t.chars().count())
        .sum();
    linked.min(total) as f32 / total as f32
}

/// Whether a block reads as a sentence: long enough, or ending as sentences end.
fn is_sentence(block: &Block) -> bool {
    let text = block.text.trim_end();
    text.split_whitespace().count() >= PRECISION_EDGE_WORDS
        || text.ends_with(['.', '!', '?', '。', '！', '？', '…', ':', '"', '”', '»'])
}

/// Drops the blocks before the first sentence (a heading there stays: it opens the article) and
/// after the last one, as long as a sentence remains.
fn trim_edges(blocks: &mut Vec<Block>, removals: &mut Removals) {
    let solid = |b: &Block| {
        is_sentence(b) || matches!(b.kind, BlockKind::TableRow { .. } | BlockKind::Code { .. })
    };
    let (Some(first), Some(last)) = (
        blocks.iter().position(solid),
        blocks.iter().rposition(solid),
    ) else {
        return;
    };
    let mut k = 0;
    drop_where(blocks, removals, |b| {
        let at = k;
        k += 1;
        let leading = at < first && !matches!(b.kind, BlockKind::Heading { .. });
        // Footnotes after the article stay with their references.
        let note = at > last && b.note().is_some();
        (leading || at > last && !note).then_some((Stage::Filter, Reason::EdgeNoise))
    });
}

#[cfg(test)]
mod tests {
    use crate::{Config, Focus};

    const PAGE: &str = r#"<html lang="en"><head><title>Harbour news</title></head><body><article>
        <h1>The ferry runs at night</h1>
        <p>The ferry to the island will keep running at night through the whole winter, the
           harbour master said on Monday, after a season in which the late crossing was full.</p>
        <p>The <a href="/report">harbour master report on the night crossings of the island ferry and the winter timetable</a> came out after the long vote in the council chamber on Monday.</p>
        <p>The island's council welcomed the news and asked for a bus to meet the last boat, so
           that workers of the late shift at the cannery can get home without a car.</p>
        <table><tr><th>Crossing</th><th>Time</th></tr><tr><td>Last out</td><td>23:40</td></tr></table>
        <p>Councillors will vote on the bus in March, and the cannery said it would pay a share of
           the cost for the first two years of the service.</p>
        <ul><li>Ferry fares rise in spring</li><li>The new quay opens</li></ul>
        </article></body></html>"#;

    fn text(config: &Config) -> String {
        crate::extract(PAGE, config).expect("extracts").text()
    }

    #[test]
    fn defaults_keep_everything_the_extractor_keeps() {
        let text = text(&Config::default());
        assert!(text.contains("Last out"), "{text}");
        assert!(text.contains("came out after the long vote"), "{text}");
        assert!(text.contains("The new quay opens"), "{text}");
    }

    #[test]
    fn precision_drops_short_link_blocks_and_edge_scraps() {
        let config = Config {
            focus: Focus::Precision,
            ..Config::default()
        };
        let page = crate::extract(PAGE, &config).expect("extracts");
        let text = page.text();
        assert!(!text.contains("came out after the long vote"), "{text}");
        assert!(!text.contains("The new quay opens"), "{text}");
        assert!(text.contains("first two years of the service"), "{text}");
        assert!(text.contains("Last out"), "tables stay: {text}");
        assert!(
            page.removals
                .iter()
                .any(|r| matches!(r.reason, crate::Reason::LinkDensity { .. }))
        );
    }

    #[test]
    fn tables_can_be_left_out() {
        let config = Config {
            tables: false,
            ..Config::default()
        };
        let text = text(&config);
        assert!(
            !text.contains("Last out") && !text.contains("Crossing"),
            "{text}"
        );
        assert!(text.contains("whole winter"), "{text}");
    }

    #[test]
    fn another_language_gives_no_article() {
        let german = Config {
            target_language: Some("de".into()),
            ..Config::default()
        };
        let page = crate::extract(PAGE, &german).expect("extracts");
        assert!(page.is_empty(), "{}", page.text());
        let english = Config {
            target_language: Some("EN-gb".into()),
            ..Config::default()
        };
        assert!(text(&english).contains("whole winter"));
    }

    #[test]
    fn links_can_be_written_as_their_text() {
        let page = crate::extract(PAGE, &Config::default()).expect("extracts");
        let options = crate::RenderOptions::default().with_base_url("https://harbour.example/");
        let markdown = page.markdown(&options);
        let link = "[harbour master report on the night crossings of the island ferry and the \
                    winter timetable](https://harbour.example/report)";
        assert!(markdown.contains(link), "{markdown}");
        let plain = options.with_links(false);
        let words = "The harbour master report on the night crossings";
        let markdown = page.markdown(&plain);
        assert!(
            markdown.contains(words) && !markdown.contains("]("),
            "{markdown}"
        );
        let html = page.html(&plain);
        assert!(html.contains(words) && !html.contains("<a "), "{html}");
    }
}
