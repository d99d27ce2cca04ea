//! A draft of a block: the block, and what the filters need to know of where it came from.

use crate::blocks::{Block, BlockKind, NodeId};

/// A block with what the filters need to know of where it came from.
pub(crate) struct Draft {
    pub(crate) block: Block,
    /// The element whose own text this is.
    pub(crate) owner: usize,
    /// The first node of the page the block was read from, for placing rules between blocks.
    pub(crate) start: usize,
    /// The text nodes the block was made of.
    pub(crate) texts: Vec<NodeId>,
    /// Whether the block is all the text of its element: removing it removes the element.
    pub(crate) whole: bool,
}

/// A paragraph at least this long can open with a drop cap set apart from it.
const DROP_CAP_MIN_CHARS: usize = 80;

/// Joins drop caps set apart from their paragraph (`<div class="first-letter">D</div><p>uring
/// the...`) back to it: a block of one capital letter before a long paragraph that opens in
/// lower case with another letter. A letter avatar before a user's name (`Y`, `yellowkitty`) is
/// no drop cap: the name is short and opens with the same letter.
pub(crate) fn join_drop_caps(drafts: &mut Vec<Draft>) {
    let mut joined: Vec<Draft> = Vec::with_capacity(drafts.len());
    for mut draft in drafts.drain(..) {
        let cap = joined.last().and_then(|last| drop_cap(&last.block));
        let opens = draft.block.text.chars().next();
        let joins = cap.zip(opens).is_some_and(|(letter, first)| {
            draft.block.kind == BlockKind::Paragraph
                && first.is_lowercase()
                && !letter.to_lowercase().eq(first.to_lowercase())
                && draft.block.text.chars().count() >= DROP_CAP_MIN_CHARS
        });
        if let Some(letter) = cap.filter(|_| joins)
            && let Some(cap) = joined.pop()
        {
            let shift = letter.len_utf8();
            draft.block.text.insert(0, letter);
            for span in &mut draft.block.spans {
                span.start += shift;
                span.end += shift;
            }
            draft.texts.splice(0..0, cap.texts);
            draft.start = cap.start;
            draft.whole = false;
        }
        joined.push(draft);
    }
    *drafts = joined;
}

/// The letter of a paragraph that is one capital letter.
fn drop_cap(block: &Block) -> Option<char> {
    let mut chars = block.text.trim().chars();
    let letter = chars.next()?;
    (block.kind == BlockKind::Paragraph && letter.is_uppercase() && chars.next().is_none())
        .then_some(letter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    #[test]
    fn a_drop_cap_set_apart_joins_its_paragraph() {
        let html = r#"<html><body><article><h1>Learning online</h1>
            <div class="post"><div class="first-letter">D</div><div class="rich-text"><p>uring the
            pandemic, e-learning cropped up as a means of keeping schools open, and many
            teachers found that it suited some of their pupils better than the classroom.</p>
            <p>Since then, most schools have kept a part of their teaching online, for homework
            and revision above all, and parents have come to expect it.</p></div></div>
            </article></body></html>"#;
        let text = crate::extract(html, &Config::default())
            .expect("extracts")
            .text();
        assert!(text.contains("During the pandemic"), "{text}");
    }

    #[test]
    fn a_letter_avatar_before_a_name_stays_apart() {
        let block = |text: &str| Draft {
            block: Block::new(BlockKind::Paragraph, text, NodeId::at(0)),
            owner: 0,
            start: 0,
            texts: Vec::new(),
            whole: true,
        };
        let mut drafts = vec![block("Y"), block("yellowkitty"), block("Austria")];
        join_drop_caps(&mut drafts);
        assert_eq!(drafts.len(), 3);
    }
}
