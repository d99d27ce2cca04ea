//! Code blocks: preformatted text read as it stands, with the language its class names declare.

use crate::blocks::{Block, BlockKind};
use crate::dom::{Dom, Tag};
use crate::extract::build::draft::Draft;
use crate::page::Page;

/// The code block of the `<pre>` element `pre`, if it holds text.
pub(super) fn draft(page: &Page<'_>, pre: usize) -> Option<Draft> {
    let dom = &page.dom;
    let mut text = String::new();
    let mut j = pre;
    while j < dom.nodes[pre].end {
        if page.dead[j] {
            j = dom.nodes[j].end;
            continue;
        }
        match dom.nodes[j].tag {
            Tag::Text => text.push_str(dom.nodes[j].text),
            Tag::Br => text.push('\n'),
            // A block inside preformatted text (a line wrapper of a highlighter) starts a line.
            tag if tag.is_block() && j != pre && !text.is_empty() && !text.ends_with('\n') => {
                text.push('\n');
            }
            _ => {}
        }
        j += 1;
    }
    let text = text.trim_end().trim_start_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return None;
    }
    let language = code_language(dom, pre);
    Some(Draft {
        block: Block::new(BlockKind::Code { language }, text, dom.id(pre)),
        owner: pre,
        start: pre,
        texts: Vec::new(),
        whole: true,
    })
}

/// The language a code block's class names declare: on the `<pre>`, its first `<code>`, or the
/// highlighter's wrapper around it.
fn code_language(dom: &Dom<'_>, pre: usize) -> Option<String> {
    let code = (pre + 1..dom.nodes[pre].end).find(|&c| dom.nodes[c].tag == Tag::Code);
    let parent = dom.nodes[pre].parent;
    [Some(pre), code, (parent != usize::MAX).then_some(parent)]
        .into_iter()
        .flatten()
        .filter_map(|i| dom.attr(i, "class"))
        .find_map(language_of_class)
}

/// The language named in a class attribute: `language-x`, `lang-x`, `highlight-source-x`,
/// `highlight-x`, `brush: x`.
fn language_of_class(class: &str) -> Option<String> {
    let mut tokens = class.split(|c: char| c.is_whitespace() || c == ';');
    while let Some(token) = tokens.next() {
        let name = if token == "brush:" {
            tokens.next()
        } else {
            [
                "language-",
                "lang-",
                "highlight-source-",
                "brush:",
                "highlight-",
            ]
            .iter()
            .find_map(|prefix| token.strip_prefix(prefix))
        };
        if let Some(name) = name.filter(|n| {
            !n.is_empty()
                && n.len() <= 24
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-#._".contains(c))
        }) {
            return Some(name.to_ascii_lowercase());
        }
    }
    None
}
