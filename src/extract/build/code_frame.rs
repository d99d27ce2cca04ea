//! What surrounds a code block: the highlighter's frame (the wrappers around the `<pre>`, up to
//! the element that holds nothing but the code, its line-number gutter and its chrome), the
//! language the code declares anywhere in that frame, and the chrome in it that is not code (a
//! copy button, a language badge, a title bar with the file's name, a notebook's prompt).

use crate::dom::{Dom, Tag};
use crate::page::Page;

/// Ancestors of a `<pre>` looked at for its frame, at most.
const MAX_LEVELS: usize = 8;

/// Characters of text besides the code (and its gutter) that a frame may hold: a title, a
/// badge, a copy button.
const MAX_CHROME_CHARS: u32 = 48;

/// Nodes beyond the code's own that a frame may hold.
const MAX_FRAME_NODES: usize = 2_000;

/// Nodes after a title or badge within which its code block starts.
const MAX_TO_CODE: usize = 24;

/// What a code block's title bar is, as the removal record names it.
const TITLE: &str = "the title bar of a code block";

/// What a code block's language badge is.
const BADGE: &str = "the language badge of a code block";

/// Names of languages as highlighters write them on a badge, lower case.
const LANGUAGES: &[&str] = &[
    "bash",
    "sh",
    "shell",
    "console",
    "zsh",
    "fish",
    "powershell",
    "ps1",
    "cmd",
    "bat",
    "batch",
    "terminal",
    "python",
    "python3",
    "py",
    "ipython",
    "ipython3",
    "pycon",
    "javascript",
    "js",
    "jsx",
    "typescript",
    "ts",
    "tsx",
    "json",
    "jsonc",
    "yaml",
    "yml",
    "toml",
    "ini",
    "xml",
    "html",
    "css",
    "scss",
    "sass",
    "less",
    "sql",
    "rust",
    "go",
    "golang",
    "java",
    "kotlin",
    "scala",
    "swift",
    "c",
    "c++",
    "cpp",
    "c#",
    "csharp",
    "f#",
    "objective-c",
    "ruby",
    "php",
    "perl",
    "lua",
    "r",
    "julia",
    "haskell",
    "elixir",
    "erlang",
    "clojure",
    "dart",
    "groovy",
    "dockerfile",
    "makefile",
    "cmake",
    "nginx",
    "graphql",
    "vue",
    "svelte",
    "markdown",
    "latex",
    "tex",
    "diff",
    "text",
    "plaintext",
    "http",
    "protobuf",
    "solidity",
    "zig",
    "ocaml",
    "matlab",
    "terraform",
    "hcl",
    "nix",
    "csv",
];

/// The outermost element around `<pre>` `pre` that is the code block's frame: up to
/// [`MAX_LEVELS`] ancestors, each holding besides the code nothing but number gutters and at
/// most [`MAX_CHROME_CHARS`] of other text, and no other code block; never a sectioning
/// element, a list item or a quotation. `pre` itself when its parent is more than that.
pub(super) fn frame(page: &Page<'_>, pre: usize) -> usize {
    let dom = &page.dom;
    let own = dom.nodes[pre].end - pre;
    let mut frame = pre;
    let mut other = 0u32;
    for _ in 0..MAX_LEVELS {
        let a = dom.nodes[frame].parent;
        if a >= dom.len() || dom.nodes[a].end - a > own + MAX_FRAME_NODES {
            break;
        }
        if matches!(
            dom.nodes[a].tag,
            Tag::Html | Tag::Body | Tag::Main | Tag::Article | Tag::Section | Tag::Li
        ) || (matches!(dom.nodes[a].tag, Tag::Blockquote | Tag::Td | Tag::Th)
            && !is_highlighter_cell(dom, a))
        {
            break;
        }
        let mut c = a + 1;
        while c < dom.nodes[a].end {
            if c != frame && !page.dead[c] && !is_numbers(page, c) {
                if (c..dom.nodes[c].end).any(|k| dom.nodes[k].tag == Tag::Pre) {
                    return frame;
                }
                other += page.measures.chars[c];
            }
            c = dom.nodes[c].end;
        }
        if other > MAX_CHROME_CHARS {
            break;
        }
        frame = a;
    }
    frame
}

/// Whether table cell `cell` is a highlighter's column (a gutter or the code beside it) rather
/// than a cell of a table that holds a code block among other things.
fn is_highlighter_cell(dom: &Dom<'_>, cell: usize) -> bool {
    dom.attr(cell, "class").is_some_and(|class| {
        class.split_ascii_whitespace().any(|c| {
            matches!(c, "code" | "lntd" | "gutter" | "linenos" | "rouge-code")
                || c.starts_with("hljs-ln")
        })
    })
}

/// Whether the live text under node `i` is nothing but numbers (a gutter), or nothing at all.
pub(super) fn is_numbers(page: &Page<'_>, i: usize) -> bool {
    let dom = &page.dom;
    let end = dom.nodes[i].end;
    if page.measures.chars[i] == 0 {
        return true;
    }
    if end - i > MAX_FRAME_NODES {
        return false;
    }
    (i..end).all(|k| {
        page.dead[k]
            || dom.nodes[k].tag != Tag::Text
            || dom.nodes[k]
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace())
    })
}

/// The language a code block declares (`data-lang`, class names), on the `<pre>`, its first
/// `<code>`, or the wrappers around it up to its frame (at least its parent); else the one its
/// badge names.
pub(super) fn language(page: &Page<'_>, pre: usize, frame: usize) -> Option<String> {
    let dom = &page.dom;
    let code = (pre + 1..dom.nodes[pre].end).find(|&c| dom.nodes[c].tag == Tag::Code);
    let parent = dom.nodes[pre].parent;
    let mut around = vec![pre];
    around.extend(code);
    let mut a = parent;
    while a < dom.len() && (a == parent || frame < pre && a >= frame) {
        around.push(a);
        a = dom.nodes[a].parent;
    }
    let declared = around.iter().find_map(|&i| {
        ["data-lang", "data-language"]
            .iter()
            .find_map(|a| dom.attr(i, a))
            .and_then(|l| language_of_class(&format!("language-{}", l.trim())))
    });
    declared
        .or_else(|| {
            (around.iter())
                .filter_map(|&i| dom.attr(i, "class"))
                .find_map(language_of_class)
        })
        .or_else(|| badge_language(page, pre, frame))
}

/// The language named in a class attribute: `language-x`, `lang-x`, `highlight-source-x`,
/// `highlight-x`, `hl-x` (nbconvert), `brush: x` (SyntaxHighlighter).
pub(super) fn language_of_class(class: &str) -> Option<String> {
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
                "hl-",
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

/// The language a badge in the frame names: a text that is a whole element's, and a language's
/// name.
fn badge_language(page: &Page<'_>, pre: usize, frame: usize) -> Option<String> {
    let dom = &page.dom;
    let end = dom.nodes[frame].end;
    let before = frame + 1..pre;
    let after = dom.nodes[pre].end..end;
    before
        .chain(after)
        .filter(|&k| !page.dead[k] && is_leaf(dom, k))
        .find_map(|k| language_name(dom.nodes[k + 1].text))
}

/// Whether element `i` holds one text node and nothing else.
fn is_leaf(dom: &Dom<'_>, i: usize) -> bool {
    dom.nodes[i].tag != Tag::Text && dom.nodes[i].end == i + 2 && dom.nodes[i + 1].tag == Tag::Text
}

/// `text` lower-cased when it is a language's name.
fn language_name(text: &str) -> Option<String> {
    let name = text.trim().to_ascii_lowercase();
    LANGUAGES.contains(&name.as_str()).then_some(name)
}

/// What element `i` is, if it is a code block's title bar (a short element whose class names a
/// title, a file name, a header or a badge) or its language badge (an element whose text is a
/// language's name), in the frame of the code block that follows it.
pub(super) fn title_or_badge(page: &Page<'_>, i: usize) -> Option<&'static str> {
    let dom = &page.dom;
    let what = if is_leaf(dom, i) && language_name(dom.nodes[i + 1].text).is_some() {
        BADGE
    } else if dom.attr(i, "class").is_some_and(|class| {
        let class = class.to_ascii_lowercase();
        [
            "title",
            "filename",
            "code-header",
            "codeheader",
            "badge",
            "toolbar",
        ]
        .iter()
        .any(|w| class.contains(w))
    }) {
        TITLE
    } else {
        return None;
    };
    let end = dom.nodes[i].end;
    if end - i > 16 || page.measures.chars[i] > MAX_CHROME_CHARS {
        return None;
    }
    // The code after it, else the code before it under one of its nearest ancestors.
    let after = (end..(end + MAX_TO_CODE).min(dom.len())).find(|&k| dom.nodes[k].tag == Tag::Pre);
    let before = || {
        let mut a = dom.nodes[i].parent;
        for _ in 0..4 {
            if a >= dom.len() || i - a > MAX_FRAME_NODES {
                return None;
            }
            if let Some(pre) = (a..i).rev().find(|&k| dom.nodes[k].tag == Tag::Pre) {
                return Some(pre);
            }
            a = dom.nodes[a].parent;
        }
        None
    };
    let pre = after.or_else(before)?;
    let frame = frame(page, pre);
    (frame < i && end <= dom.nodes[frame].end).then_some(what)
}

/// Whether element `i` is the frame of the first code block in it (a highlighter's wrapper
/// whose class happens to name boilerplate, such as Prism's `code-toolbar`).
pub(super) fn frames_code(page: &Page<'_>, i: usize) -> bool {
    let dom = &page.dom;
    let end = dom.nodes[i].end.min(i + MAX_FRAME_NODES);
    (i + 1..end)
        .find(|&k| dom.nodes[k].tag == Tag::Pre)
        .is_some_and(|pre| frame(page, pre) <= i)
}

/// What a heading's anchor link is, as the removal record names it.
pub(super) const ANCHOR: &str = "the anchor link of a heading";

/// Whether link `a` is a heading's (or a caption's) anchor link: a link to a fragment whose
/// text is a mark of two characters at most and no letter or digit (`¶`, `#`, `§`, a zero-width
/// space), in a heading or named as one (`headerlink`, `hash-link`, `anchor`).
pub(super) fn is_anchor_link(page: &Page<'_>, a: usize) -> bool {
    let dom = &page.dom;
    if !dom
        .attr(a, "href")
        .is_some_and(|h| h.trim_start().starts_with('#'))
        || page.measures.chars[a] > 2
        || dom.nodes[a].end - a > 4
    {
        return false;
    }
    let mark = (a + 1..dom.nodes[a].end)
        .filter(|&k| dom.nodes[k].tag == Tag::Text)
        .all(|k| !dom.nodes[k].text.chars().any(char::is_alphanumeric));
    let parent = dom.nodes[a].parent;
    let in_heading = parent < dom.len() && matches!(dom.nodes[parent].tag, Tag::Heading(_));
    let named = dom.attr(a, "class").is_some_and(|c| {
        ["headerlink", "hash-link", "anchor"]
            .iter()
            .any(|w| c.contains(w))
    });
    mark && (in_heading || named)
}
