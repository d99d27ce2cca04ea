//! Code blocks: preformatted text read as it stands, with the language its class names declare.

use crate::blocks::{Block, BlockKind};
use crate::dom::{Dom, Tag};
use crate::extract::build::code_frame;
use crate::extract::build::draft::Draft;
use crate::page::Page;
use crate::removal::{Reason, Removals, Stage};

/// What the line numbers of a code block are, as the removal record names them.
pub(super) const LINE_NUMBERS: &str = "the line numbers of a code block";

/// Class names of a highlighter's line-number gutter, inside a code block or beside it.
const GUTTER_CLASSES: &[&str] = &[
    "linenos",
    "lineno",
    "linenodiv",
    "line-number",
    "line-numbers",
    "linenumber",
    "line-numbers-rows",
    "ln",
    "lnt",
    "lntd",
    "gutter",
    "hljs-ln-numbers",
    "hljs-ln-n",
    "rouge-gutter",
    "blob-num",
];

/// Class names of a highlighter's line wrapper, which starts a line of its own.
const LINE_CLASSES: &[&str] = &["line", "token-line", "code-line", "cl", "hljs-ln-line"];

/// Whether a class attribute has one of `names`.
fn has_class(class: Option<&str>, names: &[&str]) -> bool {
    class.is_some_and(|c| c.split_ascii_whitespace().any(|w| names.contains(&w)))
}

/// The code block of the `<pre>` element `pre`, if it holds text; its line numbers are left
/// out and recorded. `None` too for a gutter of line numbers alone, which is recorded.
pub(super) fn draft(page: &Page<'_>, pre: usize, removals: &mut Removals) -> Option<Draft> {
    let dom = &page.dom;
    let mut text = String::new();
    let mut j = pre;
    while j < dom.nodes[pre].end {
        if page.dead[j] {
            j = dom.nodes[j].end;
            continue;
        }
        let tag = dom.nodes[j].tag;
        if tag != Tag::Text && j != pre {
            let class = dom.attr(j, "class");
            // A gutter holds numbers (or nothing, its numbers drawn by `::before` counters).
            if has_class(class, GUTTER_CLASSES) && code_frame::is_numbers(page, j) {
                removals.record(
                    dom.id(j),
                    Stage::Filter,
                    Reason::Chrome { what: LINE_NUMBERS },
                );
                j = dom.nodes[j].end;
                continue;
            }
            // A block or a line wrapper of a highlighter starts a line (a wrapper after a line
            // break and the indentation of the markup, none of its own).
            let wrapper = has_class(class, LINE_CLASSES)
                && text
                    .rsplit('\n')
                    .next()
                    .is_some_and(|l| !l.trim().is_empty());
            if (tag.is_block() || wrapper) && !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
        }
        match tag {
            Tag::Text => text.push_str(dom.nodes[j].text),
            Tag::Br => text.push('\n'),
            _ => {}
        }
        j += 1;
    }
    let text = text.trim_end().trim_start_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return None;
    }
    if is_gutter(dom, pre, text) {
        removals.record(
            dom.id(pre),
            Stage::Filter,
            Reason::Chrome { what: LINE_NUMBERS },
        );
        return None;
    }
    let language = code_frame::language(page, pre, code_frame::frame(page, pre));
    Some(Draft {
        block: Block::new(BlockKind::Code { language }, text, dom.id(pre)),
        owner: pre,
        start: pre,
        texts: Vec::new(),
        whole: true,
    })
}

/// What element `i` is, if it is the chrome of a code block beside it (a copy button, a
/// language badge, a notebook's `In [3]:`): short, holding no code, named so by a class, and next to a `<pre>`.
pub(super) fn chrome(dom: &Dom<'_>, i: usize) -> Option<&'static str> {
    let class = dom.attr(i, "class")?;
    let what = class.split_ascii_whitespace().find_map(|c| {
        let c = c.to_ascii_lowercase();
        let copy = c.contains("copy")
            && ["btn", "button", "code", "clip"]
                .iter()
                .any(|w| c.contains(w));
        if copy || c.contains("clipboard") {
            Some("the copy button of a code block")
        } else if c.contains("lang") && !c.starts_with("lang-") && !c.starts_with("language-") {
            Some("the language badge of a code block")
        } else if c.ends_with("prompt") {
            Some("the prompt of a notebook cell")
        } else {
            None
        }
    })?;
    let end = dom.nodes[i].end;
    if end - i > 16 || (i..end).any(|k| dom.nodes[k].tag == Tag::Pre) {
        return None;
    }
    if dom.text_of(i, |_| false).chars().count() > 24 {
        return None;
    }
    // Beside a code block: a `<pre>` under its parent or grandparent, near it.
    let mut a = dom.nodes[i].parent;
    for _ in 0..2 {
        if a == usize::MAX {
            return None;
        }
        let to = dom.nodes[a].end.min(a + 2_000);
        if (a..to).any(|k| dom.nodes[k].tag == Tag::Pre) {
            return Some(what);
        }
        a = dom.nodes[a].parent;
    }
    None
}

/// Whether the `<pre>` holding `text` is a gutter of line numbers: nothing but numbers counting
/// up by one, two of them at least, or numbers alone in a gutter's class.
fn is_gutter(dom: &Dom<'_>, pre: usize, text: &str) -> bool {
    let mut numbers = text.split_whitespace().map(|n| n.parse::<u64>().ok());
    let Some(Some(mut last)) = numbers.next() else {
        return false;
    };
    let mut count = 1;
    for n in numbers {
        match n {
            Some(n) if n == last + 1 => last = n,
            _ => return false,
        }
        count += 1;
    }
    let parent = dom.nodes[pre].parent;
    count >= 2
        || [pre, parent]
            .into_iter()
            .filter(|&i| i != usize::MAX)
            .any(|i| has_class(dom.attr(i, "class"), GUTTER_CLASSES))
}
