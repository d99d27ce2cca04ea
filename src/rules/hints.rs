//! What an element's class, id, role, itemprop and tag say about it.
//!
//! Templates name their containers in English whatever the page's language, so these words work
//! across languages. Patterns are compiled once; matching runs only on elements that have an
//! attribute to match.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashMap;

use crate::dom::{Dom, Tag, attrs};
use crate::rules::marks::{self, Mark};

/// The verdict of an element's markup hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Nothing known.
    None,
    /// Named like an article body (content, entry, post, story...).
    Positive,
    /// Marked as the article body itself (`itemprop=articleBody`, `entry-content`...).
    Body,
    /// Named or marked as boilerplate; the mark of the word that said so.
    Negative(Mark),
}

/// Words that mark boilerplate when they occur anywhere in a class or id.
const NEGATIVE_STEMS: &[&str] = &[
    "comment",
    "disqus",
    "sidebar",
    "side-bar",
    "related",
    "share",
    "sharing",
    "social",
    "footer",
    "breadcrumb",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscri",
    "promo",
    "advert",
    "sponsor",
    "popup",
    "editsection",
    "popover",
    "rollover",
    "hovercard",
    "modal",
    "minicart",
    "navbar",
    "navigation",
    "masthead",
    "skyscraper",
    "outbrain",
    "taboola",
    "recommend",
    "mostread",
    "most-read",
    "trending",
    "gallery",
    "slideshow",
    "signup",
    "sign-up",
    "byline",
    "author-bio",
    "authorbio",
    "pagination",
    "pager",
    "toolbar",
    "shoutbox",
    "rss",
    "teaser",
    "read-more",
    "more-stories",
    "morestories",
    "more-news",
    "more-from",
    "more-article",
    "more-post",
    "more-on",
    "more-in-",
    "view-more",
    "readmore",
    "see-also",
    "ticker",
    "dropdown",
    "offcanvas",
    "off-canvas",
    "overlay",
];

/// Words that mark boilerplate only as a whole token (`nav`, but not `canvas`).
const NEGATIVE_TOKENS: &[&str] = &[
    "widget",
    "nav",
    "menu",
    "ad",
    "ads",
    "adv",
    "aside",
    "tags",
    "tag",
    "meta",
    "header",
    "extra",
    "community",
    "reply",
    "replies",
    "respond",
    "feedback",
    "secondary",
    "complementary",
    "credit",
    "credits",
    "print",
    "login",
    "topbar",
    "copyright",
    "legal",
    "categories",
    "category",
    "author",
    "signature",
];

/// The mark of the `widget` token, which page builders use for blocks of text too.
const WIDGET_TOKEN: Mark = Mark::named("widget");

/// Words that name a role only as a whole class or id (`id="secondary"`, `class="extra"`): in
/// a compound they name a variant of how something looks (`btn--secondary`,
/// `a-color-secondary`, `no-extra-padding`, `font-extra-bold`).
const VARIANT_TOKENS: [Mark; 2] = [Mark::named("secondary"), Mark::named("extra")];

/// Whether the word from `start` to `end` is a whole class name or id.
fn is_whole_name(names: &[u8], start: usize, end: usize) -> bool {
    let edge = |at: Option<&u8>| at.is_none_or(|c| c.is_ascii_whitespace());
    edge(start.checked_sub(1).map(|k| &names[k])) && edge(names.get(end))
}

/// The marks of a "Read more" link...
const READ_MORE: [Mark; 2] = [Mark::named("read-more"), Mark::named("readmore")];

/// ...and the words that name the text such a button unfolds in place (`read-more__text`,
/// `readmore-content`, `ReadMoreAnswer`): the rest of the paragraph, not a link away.
const UNFOLDED: &[&[u8]] = &[b"text", b"content", b"body", b"answer"];

/// Whether the "read more" word ending at `end` names the text it unfolds.
fn is_expanded(names: &[u8], end: usize) -> bool {
    let rest = names.get(end..).unwrap_or_default();
    let start = rest
        .iter()
        .position(|&c| c != b'-' && c != b'_')
        .unwrap_or(rest.len());
    UNFOLDED.iter().any(|word| rest[start..].starts_with(word))
}

/// Words of a style setting: a class that holds a part's name and one of them configures how
/// that part looks (`pane-header-alignment-left`, `sidebar-position-right`,
/// `footer-font-size-small`), on whatever element the setting applies to.
const SETTINGS: &[&[u8]] = &[
    b"align",
    b"alignment",
    b"style",
    b"color",
    b"colour",
    b"size",
    b"position",
    b"width",
    b"height",
    b"padding",
    b"margin",
    b"spacing",
    b"font",
    b"radius",
    b"shadow",
    b"opacity",
];

/// Whether a style setting's word follows the word ending at `end` in its class
/// (`header-content-align-left`).
fn is_setting(names: &[u8], end: usize) -> bool {
    let rest = names.get(end..).unwrap_or_default();
    let class = &rest[..rest
        .iter()
        .position(|c| c.is_ascii_whitespace())
        .unwrap_or(rest.len())];
    class
        .split(|c| !c.is_ascii_alphabetic())
        .skip(1)
        .any(|word| SETTINGS.contains(&word))
}

/// The mark of the `header` token, which names a page's banner and an article's title block.
const HEADER_TOKEN: Mark = Mark::named("header");

/// Blocks of a page's content whose `header` is their own title: a section, a card, an
/// accordion's or a list item's head.
const CONTENT_BLOCKS: &[&[u8]] = &[
    b"section",
    b"accordion",
    b"panel",
    b"card",
    b"collapse",
    b"collapsible",
    b"item",
    b"faq",
    b"question",
];

/// Whether the `header` token found at `start` heads a block of the page's content
/// (`section-header`, `section__header`, `accordion-header`): a heading and its introduction,
/// not the page's banner.
fn heads_section(names: &[u8], start: usize) -> bool {
    let Some(before) = start.checked_sub(1).and_then(|k| names.get(..k)) else {
        return false;
    };
    let before = before.strip_suffix(b"_").unwrap_or(before);
    CONTENT_BLOCKS.iter().any(|block| {
        before.ends_with(block)
            && before
                .len()
                .checked_sub(block.len() + 1)
                .is_none_or(|k| !before[k].is_ascii_alphanumeric())
    })
}

/// Words an hAtom entry's class list labels the entry with (`category-news`, `tag-city`,
/// `author-jane`, as blog engines print every post's taxonomy on its element).
const TAXONOMY_TOKENS: [Mark; 3] = [
    Mark::named("category"),
    Mark::named("tag"),
    Mark::named("author"),
];

/// Whether the boilerplate token `mark` ending at `end` labels the entry the names declare: a
/// taxonomy word joined to its value (`category-news`) in a class list holding `hentry` or `h-entry`.
/// There it says what the post is about, not that the element is a category list.
fn labels_entry(names: &[u8], end: usize, mark: Mark) -> bool {
    names.get(end) == Some(&b'-')
        && TAXONOMY_TOKENS.contains(&mark)
        && names
            .split(|c| c.is_ascii_whitespace())
            .any(|class| class == b"hentry" || class == b"h-entry")
}

/// Page builders and editors that build every block of a page, text included, as a `widget`
/// (Elementor, HubSpot's modules and grid, CKEditor): there the word names no sidebar.
const BUILDER_WIDGETS: &[&str] = &[
    "elementor-widget",
    "hs_cos_wrapper_widget",
    "widget-span",
    "widget-type-",
    "ck-widget",
];

/// Whether the names hold a page builder's name for its blocks: then every `widget` in them is
/// the builder's (`widget-span widget-type-custom_widget`).
fn is_builders(names: &str) -> bool {
    BUILDER_WIDGETS.iter().any(|b| names.contains(b))
}

const POSITIVE_STEMS: &[&str] = &[
    "article",
    "content",
    "entry",
    "post",
    "story",
    "body",
    "main",
    "text",
    "blog",
    "prose",
    "markdown",
    "hentry",
    "h-entry",
    "rich-text",
    "richtext",
];

const BODY_NAMES: &[&str] = &[
    "articlebody",
    "article-body",
    "article__body",
    "article_body",
    "entry-content",
    "entry_content",
    "post-content",
    "post_content",
    "post-body",
    "postbody",
    "story-body",
    "storybody",
    "article-content",
    "article__content",
    "article-text",
    "articletext",
    "story-content",
    "body-text",
    "bodytext",
    "main-text",
    "post-entry",
    "td-post-content",
    "article__text",
    "entry-body",
    "instapaper_body",
];

const NEGATIVE_ROLES: &[&str] = &[
    "navigation",
    "menu",
    "menubar",
    "complementary",
    "banner",
    "contentinfo",
    "search",
    "alert",
    "alertdialog",
    "dialog",
    "toolbar",
    "tablist",
    "tab",
];

/// What a pattern of the automaton marks; a boilerplate word carries its mark.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sort {
    Body,
    NegativeStem(Mark),
    NegativeToken(Mark),
    Positive,
}

/// Every name of the four lists in one automaton: a class list is read once, whatever the
/// number of names. Patterns are numbered negative stems first, then negative tokens, so that
/// the lowest number at the leftmost place is the word a leftmost-first search would report.
struct Names {
    automaton: AhoCorasick,
    patterns: Vec<Sort>,
}

// The patterns are fixed; `patterns_compile` builds them in the tests.
#[allow(clippy::expect_used)]
static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let negative = |sort: fn(Mark) -> Sort, words: &'static [&'static str]| {
        words.iter().map(move |&w| (sort(Mark::named(w)), w))
    };
    let other = |sort: Sort, words: &'static [&'static str]| words.iter().map(move |&w| (sort, w));
    let (patterns, words): (Vec<Sort>, Vec<&str>) = negative(Sort::NegativeStem, NEGATIVE_STEMS)
        .chain(negative(Sort::NegativeToken, NEGATIVE_TOKENS))
        .chain(other(Sort::Body, BODY_NAMES))
        .chain(other(Sort::Positive, POSITIVE_STEMS))
        .unzip();
    // A DFA: every class list and id of a page is searched, and it reads a byte in a step.
    let automaton = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("hint patterns build an automaton");
    Names {
        automaton,
        patterns,
    }
});

/// Verdicts on class lists (`true`) and ids (`false`), by their text: the two are judged apart
/// (styling utilities count in a class list only), so a class list that reads like an id keeps its
/// own verdict.
type Cache<'a> = FxHashMap<(&'a str, bool), Hint>;

/// The hints of every node; dead nodes get none. Verdicts on class and id names are cached, since
/// a page repeats the same class lists on many elements.
pub(crate) fn hints(dom: &Dom<'_>, dead: &[bool]) -> Vec<Hint> {
    let mut cache: Cache<'_> = FxHashMap::default();
    let mut buffer = String::new();
    (0..dom.len())
        .map(|i| {
            if dead[i] {
                return Hint::None;
            }
            hint_cached(dom, i, &mut cache, &mut buffer)
        })
        .collect()
}

/// The hint of node `i`. Text nodes and the document's outer elements have none.
#[cfg(test)]
pub(crate) fn hint(dom: &Dom<'_>, i: usize) -> Hint {
    hint_cached(dom, i, &mut FxHashMap::default(), &mut String::new())
}

fn hint_cached<'a>(dom: &Dom<'a>, i: usize, cache: &mut Cache<'a>, buffer: &mut String) -> Hint {
    let node = &dom.nodes[i];
    match node.tag {
        // Headings carry anchor and styling classes, not roles.
        Tag::Text | Tag::Html | Tag::Body | Tag::Head | Tag::Heading(_) => return Hint::None,
        Tag::Nav => return Hint::Negative(marks::NAV),
        Tag::Aside => return Hint::Negative(marks::ASIDE),
        Tag::Footer => return Hint::Negative(marks::FOOTER),
        Tag::Header => return Hint::Negative(marks::HEADER),
        _ => {}
    }
    let Some(element) = node.element else {
        return Hint::None;
    };
    let [itemprop, role, itemtype, class, id] =
        attrs(element, ["itemprop", "role", "itemtype", "class", "id"]);
    if itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        return Hint::Body;
    }
    if let Some(role) = role {
        let role = role.trim();
        if let Some(word) = NEGATIVE_ROLES.iter().find(|r| r.eq_ignore_ascii_case(role)) {
            return Hint::Negative(Mark::named(word));
        }
    }
    if itemtype.is_some_and(|t| t.ends_with("/Comment") || t.ends_with("/WPSideBar")) {
        return Hint::Negative(marks::COMMENT_ITEM);
    }
    let class = class.unwrap_or("");
    let id = id.unwrap_or("");
    // The class list and the id are read apart, so that the many repeats of a class list hit
    // the cache; the body mark wins, then the class's boilerplate word, then the id's.
    let mut verdict = |names: &'a str, is_class: bool| {
        if names.is_empty() {
            return Hint::None;
        }
        let judge = if is_class { class_hint } else { names_hint };
        *cache
            .entry((names, is_class))
            .or_insert_with(|| judge(names, buffer))
    };
    let (by_class, mut by_id) = (verdict(class, true), verdict(id, false));
    if matches!(by_id, Hint::Negative(_)) && is_heading_slug(dom, i, id) {
        by_id = Hint::None;
    }
    let named = match (by_class, by_id) {
        (Hint::Body, _) | (_, Hint::Body) => Hint::Body,
        (Hint::Negative(word), _) | (_, Hint::Negative(word)) => Hint::Negative(word),
        (Hint::Positive, _) | (_, Hint::Positive) => Hint::Positive,
        _ => Hint::None,
    };
    match named {
        Hint::None if node.tag == Tag::Article || node.tag == Tag::Main => Hint::Positive,
        // A teaser that leads to no other page is the article's own ("teaser-text" under the
        // headline): an entry for another page links to it.
        Hint::Negative(TEASER) if !in_link(dom, i) => Hint::None,
        named => named,
    }
}

/// The mark of the `teaser` stem.
const TEASER: Mark = Mark::named("teaser");

/// Whether element `i` holds a link to another page, or lies in one (a card wrapped in a link).
fn in_link(dom: &Dom<'_>, i: usize) -> bool {
    (i..dom.nodes[i].end).any(|j| dom.leads_away(j)) || dom.ancestors(i).any(|a| dom.leads_away(a))
}

/// Words that name an article's lead (its standfirst, intro or summary) as a whole word of a
/// class or an id, in the template's English or the page's language ("perex", "chapo",
/// "entradilla", "bajada", "sommario").
const LEAD_WORDS: &[&str] = &[
    "lead",
    "lede",
    "leadtext",
    "intro",
    "introtext",
    "introduction",
    "excerpt",
    "standfirst",
    "summary",
    "teaser",
    "abstract",
    "subline",
    "perex",
    "chapo",
    "chapeau",
    "entradilla",
    "bajada",
    "sumario",
    "sommario",
];

/// Words that name a display line beside the headline, a subheadline rather than text: a "dek".
const DECK_WORDS: &[&str] = &["dek", "deck", "subtitle", "subheadline", "kicker"];

/// Whether element `i` is named as an article's lead: `itemprop=description` (as news templates
/// mark the lead they also give search engines), or a class or id with a lead word between
/// non-alphanumerics or opening or closing with "intro" ("articleIntro", "introBox"), and no word
/// of a subheadline.
pub(crate) fn names_lead(dom: &Dom<'_>, i: usize) -> bool {
    let Some(element) = dom.nodes[i].element else {
        return false;
    };
    let [class, id, itemprop] = attrs(element, ["class", "id", "itemprop"]);
    if itemprop.is_some_and(|p| p.trim().eq_ignore_ascii_case("description")) {
        return true;
    }
    let mut lead = false;
    let words = [class, id]
        .into_iter()
        .flatten()
        .flat_map(|names| names.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|word| !word.is_empty());
    let is = |word: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    let intro = |part: Option<&str>| part.is_some_and(|p| p.eq_ignore_ascii_case("intro"));
    for word in words {
        if is(word, DECK_WORDS) {
            return false;
        }
        lead |= is(word, LEAD_WORDS)
            || intro(word.get(..5))
            || intro(word.len().checked_sub(5).and_then(|at| word.get(at..)));
    }
    lead
}

/// Nodes after an element searched for the heading its id may be the slug of.
const SLUG_HEADING_REACH: usize = 8;

/// Whether element `i`'s id is its heading's slug, as documentation generators name sections
/// (`<section id="more-on-lists"><h2>5.1. More on Lists</h2>`): every word of the id is in the
/// first heading at its start, or the id holds the slug of a heading of a few words.
fn is_heading_slug(dom: &Dom<'_>, i: usize, id: &str) -> bool {
    // A slug is short; a long id or heading is compared no further (the comparison is quadratic).
    if id.len() > SLUG_MAX_BYTES {
        return false;
    }
    let end = dom.nodes[i].end.min(i + 1 + SLUG_HEADING_REACH);
    let Some(heading) = (i + 1..end).find(|&j| matches!(dom.nodes[j].tag, Tag::Heading(_))) else {
        return false;
    };
    let heading_words: Vec<String> = crate::text::words(&dom.text_of(heading, |_| false))
        .take(SLUG_MAX_WORDS)
        .collect();
    let id_words: Vec<&str> = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let in_heading = |w: &&str| heading_words.iter().any(|h| h.eq_ignore_ascii_case(w));
    let same = |(a, b): (&&str, &String)| a.eq_ignore_ascii_case(b);
    // The whole slug of a heading of a few words, with the generator's affixes around it
    // (`receive-and-reply-section`).
    let holds_slug = heading_words.len() >= SLUG_MIN_WORDS
        && id_words
            .windows(heading_words.len())
            .any(|run| run.iter().zip(&heading_words).all(same));
    !id_words.is_empty() && (id_words.iter().all(in_heading) || holds_slug)
}

/// Longest id read as a slug.
const SLUG_MAX_BYTES: usize = 256;
/// Words of a heading compared with an id.
const SLUG_MAX_WORDS: usize = 64;

/// Fewest words of a heading whose slug names the section with affixes around it.
const SLUG_MIN_WORDS: usize = 3;

/// Prefixes of utility classes, which name a colour, a font or a border ("text-secondary",
/// "bg-header", "font-extra-bold"), not what the element is.
const UTILITY_PREFIXES: &[&str] = &[
    "text-",
    "bg-",
    "border-",
    "font-",
    "fill-",
    "stroke-",
    "ring-",
    "shadow-",
    "outline-",
    "decoration-",
    "placeholder-",
    "divide-",
    "accent-",
    "caret-",
    "from-",
    "via-",
    "to-",
];

/// Prefixes of state modifiers, which say what an element has or lacks ("no-sidebar",
/// "has-header", "with-extra-padding"), not what it is.
const STATE_PREFIXES: &[&str] = &["no-", "has-", "with-", "without-"];

/// Classes that set how an element looks in print (`print-full`, `print-links`): it is printed
/// with the page, content that lays out otherwise on paper. What is left out of print
/// (`d-print-none`, `hidden-print`: menus, end matter) or shown only there (`print-only`) is not
/// among them.
const PRINT_SETTINGS: &[&str] = &[
    "print-full",
    "print-links",
    "print-block",
    "print-inline",
    "print-break",
    "print-width",
    "print-col",
    "print-avoid",
];

/// Whether a class is a styling utility: one with a variant or an arbitrary value
/// (`lg:text-lg`, `[&_a]:underline`), a colour or typography utility, a state modifier, or a
/// print setting.
fn is_utility(class: &str) -> bool {
    // Tailwind's conventional prefix, and a negative value's sign.
    let class = class.trim_start_matches('-');
    let class = class.strip_prefix("tw-").unwrap_or(class);
    if class.contains([':', '[']) {
        return true;
    }
    let opens = |p: &str| {
        class
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    // A state prefix opens a longer class; a print setting is the whole class, or opens it
    // (`print-col-6`).
    if STATE_PREFIXES
        .iter()
        .any(|p| class.len() > p.len() && opens(p))
        || PRINT_SETTINGS.iter().any(|p| opens(p))
    {
        return true;
    }
    // Every prefix ends at its only `-`: only the one as long as the class's head up to its
    // first `-` can match.
    let Some(dash) = class.bytes().position(|c| c == b'-') else {
        return false;
    };
    let head = &class.as_bytes()[..=dash];
    UTILITY_PREFIXES
        .iter()
        .any(|p| p.len() == head.len() && head.eq_ignore_ascii_case(p.as_bytes()))
}

/// What a class list says: [`names_hint`], where styling utilities may make an element look like
/// content ("text-body") but never like boilerplate ("text-secondary", "bg-header").
fn class_hint(raw: &str, names: &mut String) -> Hint {
    // Utilities only matter when they would mark the element as boilerplate.
    let verdict = names_hint(raw, names);
    if !matches!(verdict, Hint::Negative(_)) || !raw.split_ascii_whitespace().any(is_utility) {
        return verdict;
    }
    let (utilities, kept): (Vec<&str>, Vec<&str>) =
        raw.split_ascii_whitespace().partition(|c| is_utility(c));
    match names_hint(&kept.join(" "), names) {
        Hint::None => match names_hint(&utilities.join(" "), names) {
            Hint::Body | Hint::Positive => Hint::Positive,
            _ => Hint::None,
        },
        verdict => verdict,
    }
}

/// What a class list or an id says, tags aside: a body name anywhere, else the leftmost
/// boilerplate word (a stem anywhere, a token between non-alphanumerics), else a positive stem.
fn names_hint(raw: &str, names: &mut String) -> Hint {
    names.clear();
    names.push_str(raw);
    names.make_ascii_lowercase();
    let bytes = names.as_bytes();
    let delimits = |at: Option<&u8>| at.is_none_or(|c| !c.is_ascii_alphanumeric());
    // The leftmost boilerplate word: where its match starts (a token's with the delimiter
    // before it), then its pattern number.
    let mut negative: Option<(usize, usize, Mark)> = None;
    let mut positive = false;
    for found in NAMES.automaton.find_overlapping_iter(names.as_str()) {
        let (start, end) = (found.start(), found.end());
        let pattern = found.pattern().as_usize();
        let candidate = match NAMES.patterns[pattern] {
            Sort::Body => return Hint::Body,
            Sort::Positive => {
                positive = true;
                continue;
            }
            Sort::NegativeStem(mark) if READ_MORE.contains(&mark) && is_expanded(bytes, end) => {
                continue;
            }
            Sort::NegativeStem(_) | Sort::NegativeToken(_) if is_setting(bytes, end) => continue,
            Sort::NegativeStem(mark) => (start, pattern, mark),
            Sort::NegativeToken(mark) => {
                let before = start.checked_sub(1).map(|k| &bytes[k]);
                if !(delimits(before) && delimits(bytes.get(end)))
                    || (VARIANT_TOKENS.contains(&mark) && !is_whole_name(bytes, start, end))
                    || (mark == WIDGET_TOKEN && is_builders(names))
                    || (mark == HEADER_TOKEN && heads_section(bytes, start))
                    || labels_entry(bytes, end, mark)
                {
                    continue;
                }
                (start.saturating_sub(1), pattern, mark)
            }
        };
        if negative.is_none_or(|n| (candidate.0, candidate.1) < (n.0, n.1)) {
            negative = Some(candidate);
        }
    }
    if let Some((_, _, mark)) = negative {
        return Hint::Negative(mark);
    }
    if positive { Hint::Positive } else { Hint::None }
}

#[cfg(test)]
#[path = "hints_tests.rs"]
mod tests;
