//! The measures every later stage reads, filled in one forward and one reverse pass.
//!
//! Text is counted in characters, whitespace excluded, with East Asian characters counting double
//! since one carries about as much as a short word; so thresholds hold for Chinese and Japanese.
//! A *unit* is the text a block element owns directly (not through a nested block): a paragraph,
//! a list item, a heading, the loose text of a `div`.

use crate::dom::{Dom, Tag};

/// Per-node measures, indexed like [`Dom::nodes`].
#[derive(Debug)]
pub(crate) struct Measures {
    /// Weighted characters of live text in the subtree.
    pub chars: Vec<u32>,
    /// The nearest block-level ancestor (`usize::MAX` for none): the unit a node's text belongs to.
    pub owner: Vec<usize>,
    /// Per unit owner: its own characters, link characters, commas and sentence ends.
    pub unit: Vec<Unit>,
}

/// What a block element's own text looks like.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Unit {
    pub chars: u32,
    pub link_chars: u32,
    pub commas: u32,
    pub stops: u32,
    /// Copyright signs: `©` lines are site chrome, however well punctuated.
    pub copyrights: u32,
}

impl Unit {
    /// Share of the text that sits inside links.
    pub(crate) fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Counts of one piece of text.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct TextCounts {
    pub chars: u32,
    pub commas: u32,
    pub stops: u32,
    pub copyrights: u32,
}

/// Weighted characters, commas and sentence ends of `text`.
pub(crate) fn count(text: &str) -> TextCounts {
    let mut counts = TextCounts::default();
    // A byte at a time: ASCII (most of the text of most pages) without decoding, a character's
    // first byte for the whole character, its other bytes skipped.
    for (k, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b'\t'..=b'\r' | b' ' | 0x80..=0xbf => continue,
            b',' | b';' => counts.commas += 1,
            b'.' | b'!' | b'?' => counts.stops += 1,
            0..=0x7f => {}
            _ => {
                if let Some(c) = text[k..].chars().next() {
                    count_char(c, &mut counts);
                }
                continue;
            }
        }
        counts.chars += 1;
    }
    counts
}

/// [`count`] for one character.
fn count_char(c: char, counts: &mut TextCounts) {
    match c {
        c if c.is_whitespace() => return,
        ',' | '،' | '，' | '、' | ';' => counts.commas += 1,
        '.' | '!' | '?' | '。' | '！' | '？' | '…' => counts.stops += 1,
        '©' => counts.copyrights += 1,
        _ => {}
    }
    counts.chars += if is_wide(c) { 2 } else { 1 };
}

/// Han, kana and Hangul: scripts written without spaces, where a character is close to a word.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Measures the live nodes of `dom`.
pub(crate) fn measure(dom: &Dom<'_>, dead: &[bool]) -> Measures {
    let n = dom.len();
    let mut chars = vec![0u32; n];
    let mut owner = vec![usize::MAX; n];
    let mut in_link = vec![false; n];
    let mut unit = vec![Unit::default(); n];
    for i in 0..n {
        if dead[i] {
            continue;
        }
        let node = &dom.nodes[i];
        let parent = node.parent;
        if parent != usize::MAX {
            let parent_tag = dom.nodes[parent].tag;
            owner[i] = if parent_tag.is_block() {
                parent
            } else {
                owner[parent]
            };
            in_link[i] = in_link[parent] || parent_tag == Tag::A;
        }
        if node.tag == Tag::Text {
            let counts = count(node.text);
            if counts.chars == 0 {
                continue;
            }
            chars[i] = counts.chars;
            if owner[i] != usize::MAX {
                let u = &mut unit[owner[i]];
                u.chars += counts.chars;
                u.commas += counts.commas;
                u.stops += counts.stops;
                u.copyrights += counts.copyrights;
                if in_link[i] {
                    u.link_chars += counts.chars;
                }
            }
        }
    }
    for i in (0..n).rev() {
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX && !dead[i] {
            chars[parent] += chars[i];
        }
    }
    Measures { chars, owner, unit }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    #[test]
    fn units_and_link_text_are_counted() {
        let doc = parse("<body><div><p>One, two. <a href=x>link</a></p>loose</div></body>");
        let dom = Dom::new(&doc);
        let dead = vec![false; dom.len()];
        let m = measure(&dom, &dead);
        let p = dom.find(Tag::P).unwrap();
        let div = dom.find(Tag::Div).unwrap();
        assert_eq!(m.unit[p].chars, "One,two.link".len() as u32);
        assert_eq!(m.unit[p].link_chars, 4);
        assert_eq!(m.unit[p].commas, 1);
        assert_eq!(m.unit[div].chars, 5);
        assert_eq!(m.chars[div], m.unit[p].chars + 5);
    }

    #[test]
    fn east_asian_characters_weigh_double() {
        assert_eq!(count("日本語").chars, 6);
        assert_eq!(count("a b").chars, 2);
    }

    #[test]
    fn counts_agree_with_a_count_by_character() {
        let text = "Hello, world; it's 5 p.m.! Why?\u{a0}Ça va… 你好，世界。© 2024\t\u{2003}end";
        let mut by_char = TextCounts::default();
        text.chars().for_each(|c| count_char(c, &mut by_char));
        let counts = count(text);
        assert_eq!(
            (counts.chars, counts.commas, counts.stops, counts.copyrights),
            (
                by_char.chars,
                by_char.commas,
                by_char.stops,
                by_char.copyrights
            )
        );
        assert_eq!((counts.commas, counts.stops, counts.copyrights), (3, 6, 1));
    }
}
