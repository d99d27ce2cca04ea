//! The pipeline: [`run`] takes a page's text to its [`Extraction`], one stage after another.
//!
//! The stages are the modules below; none of them imports this one. What they share of a page
//! is one immutable [`Page`] value (defined in `crate::page`), built by [`read`].

pub(crate) mod build;
pub(crate) mod comments;
pub(crate) mod copies;
pub(crate) mod explain;
pub(crate) mod filter;
pub(crate) mod inline;
pub(crate) mod lead;
pub(crate) mod listing;
pub(crate) mod product;
pub(crate) mod prune;
pub(crate) mod score;
pub(crate) mod select;
pub(crate) mod settings;
pub(crate) mod signup;
pub(crate) mod thread;

use crate::blocks::{Block, BlockKind, NodeId};
use crate::budget::{Budget, check_size};
use crate::config::Config;
use crate::dom::Dom;
use crate::dom::measure;
use crate::error::Error;
use crate::extraction::Extraction;
use crate::page::Page;
use crate::page::metadata::{self, Metadata};
use crate::page::metas::Metas;
use crate::page::{address, kind, title};
use crate::removal::{Reason, Removals, Stage};
use crate::rules::hints;

/// Told when each stage of [`run`] ends, for the benchmark's per-stage clock.
pub(crate) trait Observer {
    /// The stage named `stage` has just ended.
    fn stage_done(&mut self, stage: &'static str);
}

/// The observer of an extraction nobody times.
pub(crate) struct Unobserved;

impl Observer for Unobserved {
    fn stage_done(&mut self, _: &'static str) {}
}

/// Extracts the article of the page `html`, telling `observer` as each stage ends.
pub(crate) fn run(
    html: &str,
    config: &Config,
    observer: &mut dyn Observer,
) -> Result<Extraction, Error> {
    check_size(html.len(), config)?;
    let budget = Budget::start(config);
    let html = crate::input::prepare(html);
    observer.stage_done("cut and caps");
    let document = crate::dom::parse(&html);
    observer.stage_done("parse");
    let dom = Dom::new(&document);
    observer.stage_done("dom view");
    budget.nodes(dom.nodes.len())?;
    budget.time("parse")?;
    let mut removals = Removals::default();
    let page = read(dom, &mut removals, observer);
    let title = title::title(&page.dom, &page.dead, &page.metas);
    let declared = metadata::metadata(&page.dom, &page.metas);
    observer.stage_done("metadata");
    budget.time("metadata")?;
    let body = select::select(&page, config);
    observer.stage_done("select");
    budget.time("select")?;
    let root = NodeId::DOCUMENT;
    // Found once: the build reads them in their place, the removal counts as their TeX.
    let formulas = build::formulas(&page.dom);
    let (mut blocks, comments) = match body {
        Some(body) => (
            blocks_of(&page, &body, &formulas, title.as_deref(), &mut removals),
            if config.comments {
                comments::comments(&page, &body, &formulas)
            } else {
                Vec::new()
            },
        ),
        None => (Vec::new(), Vec::new()),
    };
    if page.kind.is_product() {
        let missing = product::missing_description(&page.metas, &blocks, root);
        blocks.splice(0..0, missing);
    }
    observer.stage_done("blocks and filters");
    budget.time("blocks")?;
    let mut extraction = finish(
        &page,
        config,
        (title, declared),
        (blocks, removals),
        &formulas,
        root,
    );
    extraction.comments = comments;
    observer.stage_done("finish");
    Ok(extraction)
}

/// Reads the parsed page: prunes what is never content, measures every subtree, reads the page's
/// declarations and kind, marks what class, id and role names say, and counts the prose.
pub(crate) fn read<'a>(
    dom: Dom<'a>,
    removals: &mut Removals,
    observer: &mut dyn Observer,
) -> Page<'a> {
    let dead = prune::prune(&dom, removals);
    observer.stage_done("prune");
    let measures = measure::measure(&dom, &dead);
    observer.stage_done("measure");
    let metas = Metas::new(&dom);
    let kind = kind::page_kind(&dom, &metas);
    observer.stage_done("page kind");
    let mut hints = hints::hints(&dom, &dead);
    if kind.is_product() {
        product::unmark_pictures(&mut hints);
        product::mark_furniture(&dom, &dead, &measures, &mut hints);
        product::mark_other_products(&dom, &dead, &measures, &mut hints);
        product::mark_lists(&dom, &dead, &measures, &mut hints);
    }
    observer.stage_done("hints");
    let prose = score::prose_chars(&dom, &dead, &measures);
    signup::mark_sign_up_boxes(&dom, &dead, &measures, &prose, &mut hints);
    let around_main = score::around_main(&dom, &dead);
    observer.stage_done("prose");
    Page {
        dom,
        dead,
        measures,
        hints,
        prose,
        around_main,
        kind,
        metas,
        entries: std::cell::OnceCell::new(),
    }
}

/// The blocks of the selected body: built, filtered, rid of the page's repeats, trimmed at the
/// edges, with the page's rules between them.
fn blocks_of(
    page: &Page<'_>,
    body: &select::Body,
    formulas: &build::Formulas,
    title: Option<&str>,
    removals: &mut Removals,
) -> Vec<Block> {
    let built = build::drafts(page, body, formulas, removals);
    // A listing whose long paragraphs hold much of its text is an article after all.
    let listing = filter::is_listing(page, body, &built.drafts);
    let drafts = filter::chaff(page, &body.roots, listing, built.drafts, title, removals);
    let drafts = filter::drop_repeats(page, body, &built.outside, drafts, removals);
    let drafts = filter::trim_cued_edges(page, listing, drafts, removals);
    let drafts = filter::drop_cued_sections(page, listing, drafts, removals);
    let drafts = filter::trim_edges(page, listing, drafts, removals);
    let drafts = if listing {
        drop_adjacent_copies(drafts, removals)
    } else {
        drafts
    };
    // A thread, declared, named by its comments or shaped as a run of posts, whatever its reading.
    let thread = body.rules == score::Rules::Thread || page.kind.is_forum();
    let drafts = if thread || thread::has_posts(page) {
        filter::posts::drop_furniture(drafts, removals)
    } else if listing {
        drafts
    } else {
        filter::drop_teaser_tail(page, drafts, removals)
    };
    let drafts = if page.kind.is_product() {
        let verdicts = product::repeats_and_questions(drafts.iter().map(|d| &d.block));
        drop_marked(drafts, verdicts, removals)
    } else {
        drafts
    };
    build::with_rules(page, drafts, &built.rules)
}

/// Characters of a dropped copy's opening words, as its removal reason quotes them.
const OPENING_CHARS: usize = 40;

/// Drops the listing's blocks that repeat the block before them (`copies::adjacent_copies`).
fn drop_adjacent_copies(drafts: Vec<build::Draft>, removals: &mut Removals) -> Vec<build::Draft> {
    let blocks: Vec<&Block> = drafts.iter().map(|d| &d.block).collect();
    let repeats = copies::adjacent_copies(&blocks);
    let verdicts = drafts
        .iter()
        .zip(repeats)
        .map(|(draft, copy)| {
            copy.then(|| Reason::Duplicate {
                of: draft.block.text.chars().take(OPENING_CHARS).collect(),
            })
        })
        .collect();
    drop_marked(drafts, verdicts, removals)
}

/// Drops the drafts that a verdict gives a reason for, recording each (a copy in the dedup
/// stage, anything else in the filter stage): its element when the draft is all of it, else its
/// text nodes.
fn drop_marked(
    drafts: Vec<build::Draft>,
    verdicts: Vec<Option<Reason>>,
    removals: &mut Removals,
) -> Vec<build::Draft> {
    let mut kept = Vec::with_capacity(drafts.len());
    for (draft, verdict) in drafts.into_iter().zip(verdicts) {
        let Some(reason) = verdict else {
            kept.push(draft);
            continue;
        };
        let stage = match reason {
            Reason::Duplicate { .. } => Stage::Dedup,
            _ => Stage::Filter,
        };
        if draft.whole {
            removals.record(draft.block.node, stage, reason);
        } else {
            for &node in &draft.texts {
                removals.record(node, stage, reason.clone());
            }
        }
    }
    kept
}

/// The extraction: the metadata the page declares, completed from its blocks (the first
/// paragraph as its summary, the language its article is written in), the title put first if
/// asked (as the block of the tree's `root`), and the explain view.
fn finish(
    page: &Page<'_>,
    config: &Config,
    (title, declared): (Option<String>, Metadata),
    (mut blocks, mut removals): (Vec<Block>, Removals),
    formulas: &build::Formulas,
    root: NodeId,
) -> Extraction {
    let metadata = Metadata {
        description: declared
            .description
            .or_else(|| metadata::first_paragraph(&blocks)),
        language: declared
            .language
            .or_else(|| crate::page::language::detect(&blocks)),
        ..declared
    };
    settings::apply(
        config,
        &mut blocks,
        metadata.language.as_deref(),
        &mut removals,
    );
    if config.include_title
        && !blocks.is_empty()
        && let Some(title) = &title
    {
        blocks.insert(0, Block::new(BlockKind::Title, title.clone(), root));
    }
    let removals = removals.into_vec();
    let (explained, removed) = if config.explain {
        let explained = explain::page_blocks(&page.dom, &page.measures, formulas, &removals);
        let removed = explained.iter().filter(|b| b.removed.is_some());
        let counts = removed.fold((0, 0), |(n, c), b| (n + 1, c + b.text.chars().count()));
        (explained, counts)
    } else {
        let counts = explain::removed_counts(&page.dom, &page.measures, formulas, &removals);
        (Vec::new(), counts)
    };
    Extraction {
        title,
        blocks,
        removals,
        url: address::url(&page.metas),
        encoding: encoding_rs::UTF_8.name(),
        page: explained,
        metadata,
        base_href: page.metas.base.map(str::to_owned),
        removed,
        comments: Vec::new(),
    }
}
