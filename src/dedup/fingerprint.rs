//! Fingerprints of blocks, and the blocks a page repeats.
//!
//! A block's text is folded (case, punctuation and spacing) into words; its fingerprint is the
//! hash of those words and the set of hashes of every run of [`SHINGLE`] words. Two blocks are the
//! same when most of their shingles are shared, and one holds the other when most of the shorter
//! one's shingles are in the longer one, so copies that differ in a few words still match while
//! two paragraphs sharing one long quotation do not.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

/// Words per shingle.
const SHINGLE: usize = 4;
/// Blocks with fewer words are never matched: short lines repeat for good reasons (the same
/// question put to each person interviewed, the same label on each recipe).
pub(crate) const MIN_WORDS: usize = 15;
/// Blocks an index lists under one shingle at most.
const MAX_POSTINGS: usize = 64;
/// Share of shingles two blocks must share (of their union) to be one block.
const SAME: f32 = 0.85;
/// Share of the shorter block's shingles found in the longer one for it to be held there.
const HELD: f32 = 0.8;

/// The normalised-text fingerprint of a block and its near-duplicate signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the folded text: equal for copies that differ only in case, spacing or punctuation.
    pub exact: u64,
    /// Sorted, distinct hashes of the runs of four words (one hash for shorter texts).
    pub shingles: Vec<u64>,
    /// Number of words.
    pub words: usize,
}

impl Fingerprint {
    /// Fingerprints a text.
    pub fn of(text: &str) -> Fingerprint {
        let mut shingles = Vec::new();
        let (exact, words) = shingles_into(text, &mut Vec::new(), &mut shingles);
        shingles.sort_unstable();
        shingles.dedup();
        Fingerprint {
            exact,
            shingles,
            words,
        }
    }

    /// The fingerprint of `text` if it has [`MIN_WORDS`] words or more, the only texts ever
    /// matched; of a shorter text only its number of words, no shingle hashed. `words` is room
    /// for the word hashes.
    fn of_matchable(text: &str, words: &mut Vec<u64>) -> Fingerprint {
        words.clear();
        word_hashes(text, words);
        if words.len() < MIN_WORDS {
            return Fingerprint {
                exact: 0,
                shingles: Vec::new(),
                words: words.len(),
            };
        }
        let mut shingles = Vec::with_capacity(words.len());
        let exact = shingles_of_words(words, &mut shingles, quick_mix);
        shingles.sort_unstable();
        shingles.dedup();
        Fingerprint {
            exact,
            shingles,
            words: words.len(),
        }
    }

    /// How this block relates to `other`.
    pub fn overlap(&self, other: &Fingerprint) -> Overlap {
        if self.exact == other.exact {
            return Overlap::Same;
        }
        let shared = sorted_intersection(&self.shingles, &other.shingles);
        Overlap::from_counts(shared, self.shingles.len(), other.shingles.len())
    }
}

/// How one block's text relates to another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlap {
    /// Unrelated, or sharing too little.
    None,
    /// The same block, up to a few words.
    Same,
    /// This block is held in the other, longer one.
    Inside,
    /// This block holds the other, shorter one.
    Holds,
}

impl Overlap {
    fn from_counts(shared: usize, mine: usize, theirs: usize) -> Overlap {
        if shared == 0 {
            return Overlap::None;
        }
        let union = (mine + theirs - shared) as f32;
        if shared as f32 >= SAME * union {
            Overlap::Same
        } else if mine <= theirs && shared as f32 >= HELD * mine as f32 {
            Overlap::Inside
        } else if theirs < mine && shared as f32 >= HELD * theirs as f32 {
            Overlap::Holds
        } else {
            Overlap::None
        }
    }
}

/// Finds, for many blocks at once, the blocks of a set that they overlap, through an inverted
/// index of shingles: the work is proportional to the shingles blocks share, not to their pairs.
#[derive(Debug, Default)]
pub(crate) struct Index {
    prints: Vec<Fingerprint>,
    /// The first block with each shingle; most shingles have only one.
    first: FxHashMap<u64, u32>,
    /// The later blocks with a shingle, for the shingles blocks share.
    more: FxHashMap<u64, Vec<u32>>,
}

impl Index {
    /// Adds a block; returns its position in the index.
    pub(crate) fn add(&mut self, print: Fingerprint) -> usize {
        let id = self.prints.len();
        for &s in &print.shingles {
            match self.first.entry(s) {
                Entry::Vacant(slot) => {
                    slot.insert(id as u32);
                }
                Entry::Occupied(_) => {
                    let more = self.more.entry(s).or_default();
                    // A shingle in very many blocks says little about any of them, and a page
                    // that repeats one paragraph thousands of times would make every query
                    // visit every copy: past the cap, the first copies stand for the rest.
                    if more.len() < MAX_POSTINGS {
                        more.push(id as u32);
                    }
                }
            }
        }
        self.prints.push(print);
        id
    }

    /// The indexed blocks that `print` overlaps, with how, in index order.
    pub(crate) fn overlaps(&self, print: &Fingerprint) -> Vec<(usize, Overlap)> {
        let mut shared: FxHashMap<u32, usize> = FxHashMap::default();
        for s in &print.shingles {
            let Some(&first) = self.first.get(s) else {
                continue;
            };
            *shared.entry(first).or_default() += 1;
            for &id in self.more.get(s).into_iter().flatten() {
                *shared.entry(id).or_default() += 1;
            }
        }
        let mut found: Vec<(usize, Overlap)> = shared
            .into_iter()
            .map(|(id, n)| {
                let other = &self.prints[id as usize];
                let how = if other.exact == print.exact {
                    Overlap::Same
                } else {
                    Overlap::from_counts(n, print.shingles.len(), other.shingles.len())
                };
                (id as usize, how)
            })
            .filter(|(_, how)| *how != Overlap::None)
            .collect();
        found.sort_unstable_by_key(|(id, _)| *id);
        found
    }
}

/// Why a body block repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Repeat {
    /// It stands at an edge of the body, and a copy of it stands outside the body: the site's
    /// template.
    OutsideBody,
    /// Another block of the body is its first copy (given by position), or holds it.
    Of(usize),
    /// It repeats another block of the body, and both copies stand at an edge of the body.
    AtEdge,
}

/// Decides which body blocks are repeats. `body` and `outside` hold the blocks' texts, `edge` says
/// whether a body block stands at an edge of the body. Blocks under [`MIN_WORDS`] never repeat.
pub(crate) fn repeats(
    body: &[&str],
    outside: &[&str],
    edge: impl Fn(usize) -> bool,
) -> Vec<Option<Repeat>> {
    let mut words = Vec::new();
    let prints: Vec<Fingerprint> = body
        .iter()
        .map(|t| Fingerprint::of_matchable(t, &mut words))
        .collect();
    // A copy outside the body counts only for a block at an edge, and only a copy of about its
    // length can be one: the other texts outside are not read.
    let edge_lengths = body
        .iter()
        .zip(&prints)
        .enumerate()
        .filter(|(i, (_, print))| print.words >= MIN_WORDS && edge(*i))
        .map(|(_, (text, _))| text.len());
    let (shortest, longest) =
        edge_lengths.fold((usize::MAX, 0), |(lo, hi), n| (lo.min(n), hi.max(n)));
    let mut outside_index = Index::default();
    for text in outside {
        if text.len() < shortest / 2 || text.len() > longest.saturating_mul(2) {
            continue;
        }
        let print = Fingerprint::of_matchable(text, &mut words);
        if print.words >= MIN_WORDS {
            outside_index.add(print);
        }
    }
    let mut verdicts: Vec<Option<Repeat>> = vec![None; body.len()];
    let mut body_index = Index::default();
    let mut position_of = Vec::new();
    for (i, owned) in prints.into_iter().enumerate() {
        if owned.words < MIN_WORDS {
            continue;
        }
        let print = &owned;
        // A page may print its article twice (a print or mobile version); a copy outside the
        // body marks template only at the body's edges.
        let outside_copy = edge(i)
            && outside_index
                .overlaps(print)
                .iter()
                .any(|(_, how)| *how == Overlap::Same);
        if outside_copy {
            verdicts[i] = Some(Repeat::OutsideBody);
        }
        for (id, how) in body_index.overlaps(print) {
            let j: usize = position_of[id];
            // Both copies at an edge: an appeal printed twice, not the article.
            if edge(i) && edge(j) {
                verdicts[i] = Some(Repeat::AtEdge);
                verdicts[j] = Some(Repeat::AtEdge);
                continue;
            }
            match how {
                // The later copy goes; a short block held in a longer one (a pull quote) goes.
                Overlap::Same | Overlap::Inside => {
                    verdicts[i].get_or_insert(Repeat::Of(j));
                }
                Overlap::Holds => {
                    verdicts[j].get_or_insert(Repeat::Of(i));
                }
                Overlap::None => {}
            }
        }
        body_index.add(owned);
        position_of.push(i);
    }
    verdicts
}

/// Appends the shingles of `text` to `out`, neither sorted nor distinct (a page's print sorts the
/// shingles of all its blocks at once); `words` is room for the word hashes. Returns the hash of
/// the folded text and its number of words.
pub(crate) fn shingles_into(text: &str, words: &mut Vec<u64>, out: &mut Vec<u64>) -> (u64, usize) {
    words.clear();
    word_hashes(text, words);
    (shingles_of_words(words, out, mix), words.len())
}

/// Appends the shingles of a text's word hashes to `out`, as [`shingles_into`] does, with `mix`
/// folding word hashes together; returns the hash of the whole text.
fn shingles_of_words(words: &[u64], out: &mut Vec<u64>, mix: fn(u64, u64) -> u64) -> u64 {
    let exact = words.iter().fold(FNV_OFFSET, |h, w| mix(h, *w));
    if words.len() < SHINGLE {
        out.push(exact);
    } else {
        out.extend(
            words
                .windows(SHINGLE)
                .map(|run| run.iter().fold(FNV_OFFSET, |h, w| mix(h, *w))),
        );
    }
    exact
}

/// Appends the hash of each word of `text` to `hashes`, as [`fold`] spells them, without building
/// the words.
fn word_hashes(text: &str, hashes: &mut Vec<u64>) {
    // A byte at a time for ASCII (most words of most pages), through a table of lower-cased
    // letters and digits; a char at a time, with the Unicode tables, for the rest.
    hashes.reserve(text.len() / 5);
    let (b, mut i) = (text.as_bytes(), 0);
    let mut buf = [0u8; 4];
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    while let Some(&byte) = b.get(i) {
        let alphanumeric = if byte < 0x80 {
            i += 1;
            let lower = ASCII_WORD[usize::from(byte)];
            if lower != 0 {
                h = (h ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
            }
            lower != 0
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            let alphanumeric = crate::text::is_alphanumeric(c);
            if alphanumeric {
                for lower in c.to_lowercase() {
                    h = fnv(lower.encode_utf8(&mut buf).as_bytes(), h);
                }
            }
            alphanumeric
        };
        if alphanumeric {
            in_word = true;
        } else if in_word {
            hashes.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        hashes.push(h);
    }
}

/// Each ASCII byte lower-cased if it is a letter or a digit, else 0.
const ASCII_WORD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let byte = c as u8;
        if byte.is_ascii_alphanumeric() {
            table[c] = byte.to_ascii_lowercase();
        }
        c += 1;
    }
    table
};

fn sorted_intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a: a fixed hash, so fingerprints saved in a site profile stay valid across builds.
fn fnv(bytes: &[u8], seed: u64) -> u64 {
    bytes
        .iter()
        .fold(seed, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

fn mix(h: u64, word: u64) -> u64 {
    fnv(&word.to_le_bytes(), h)
}

/// A word folded into a hash in one step rather than [`mix`]'s eight, for the fingerprints of
/// one page's blocks, which are compared with each other only and never saved.
fn quick_mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(23) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[cfg(test)]
mod tests {
    use super::*;

    const APPEAL: &str = "You could close this page. Or you could join our community and help us \
        produce more materials like this. We keep our reporting open and accessible to everyone \
        because we believe in the power of free information. This is why our small, \
        cost-effective team depends on the support of readers like you to deliver timely news, \
        quality analysis, and on-the-ground reports.";

    #[test]
    fn only_texts_long_enough_to_match_are_shingled() {
        let mut words = Vec::new();
        let (long, saved) = (
            Fingerprint::of_matchable(APPEAL, &mut words),
            Fingerprint::of(APPEAL),
        );
        assert_eq!(
            (long.words, long.shingles.len()),
            (saved.words, saved.shingles.len())
        );
        let short = Fingerprint::of_matchable("Share this story with a friend", &mut words);
        assert_eq!((short.words, short.shingles.len()), (6, 0));
    }

    #[test]
    fn word_hashes_agree_with_folded_words() {
        let text = "Ünïcode WORDS, and punctuation!";
        let folded: Vec<u64> = crate::text::words(text)
            .map(|w| fnv(w.as_bytes(), FNV_OFFSET))
            .collect();
        let mut hashes = Vec::new();
        word_hashes(text, &mut hashes);
        assert_eq!(hashes, folded);
    }

    #[test]
    fn case_spacing_and_punctuation_fold_away() {
        let a = Fingerprint::of("Read the  full story, here!");
        let b = Fingerprint::of("read the full story here");
        assert_eq!(a.exact, b.exact);
        assert_eq!(a.overlap(&b), Overlap::Same);
    }

    #[test]
    fn copies_differing_in_a_few_words_match() {
        let a = Fingerprint::of(APPEAL);
        let b = Fingerprint::of(&APPEAL.replace("close this page", "leave this page"));
        assert_eq!(a.overlap(&b), Overlap::Same);
    }

    #[test]
    fn a_block_held_in_a_longer_one_matches() {
        let short = Fingerprint::of(
            "We keep our reporting open and accessible to everyone because we believe in the \
             power of free information.",
        );
        let long = Fingerprint::of(APPEAL);
        assert_eq!(short.overlap(&long), Overlap::Inside);
        assert_eq!(long.overlap(&short), Overlap::Holds);
    }

    #[test]
    fn paragraphs_sharing_a_long_quotation_do_not_match() {
        let quote = "\"we have crossed a symbolic threshold and formalized the support of \
            Ukraine in the Euro-Atlantic direction by sixteen member states\"";
        let a = Fingerprint::of(&format!(
            "The deputy head of the office said on Thursday that {quote}, adding that the \
             declaration would be discussed again at the summit in Vilnius in July."
        ));
        let b = Fingerprint::of(&format!(
            "Critics in parliament were less impressed. {quote} is a phrase we have heard \
             before, one opposition member wrote, asking what the guarantees would be in practice."
        ));
        assert_eq!(a.overlap(&b), Overlap::None);
    }

    #[test]
    fn different_paragraphs_do_not_match() {
        let a = Fingerprint::of("The ferry will run every night until the end of March.");
        let b = Fingerprint::of("Councillors voted nine to four to keep the service going.");
        assert_eq!(a.overlap(&b), Overlap::None);
    }

    #[test]
    fn repeats_keep_the_first_copy_and_drop_template_copies() {
        let para = "The council agreed on Tuesday to pay for the night ferry until the end of \
            March, reversing a plan that would have left the islanders stranded.";
        let other = "Islanders had feared losing their only late crossing after forty years.";
        let verdicts = repeats(&[para, other, para], &[APPEAL], |_| false);
        assert_eq!(verdicts, vec![None, None, Some(Repeat::Of(0))]);
        let verdicts = repeats(&[para, APPEAL], &[APPEAL], |i| i == 1);
        assert_eq!(verdicts, vec![None, Some(Repeat::OutsideBody)]);
        let verdicts = repeats(&[APPEAL, para], &[APPEAL], |i| i == 1);
        assert_eq!(
            verdicts,
            vec![None, None],
            "a copy outside counts only at the edges"
        );
        let verdicts = repeats(&[para, APPEAL, APPEAL], &[], |i| i >= 1);
        assert_eq!(verdicts[1], Some(Repeat::AtEdge));
        assert_eq!(verdicts[2], Some(Repeat::AtEdge));
        let verdicts = repeats(&[APPEAL, para, APPEAL], &[], |i| i == 2);
        assert_eq!(verdicts, vec![None, None, Some(Repeat::Of(0))]);
    }

    #[test]
    fn short_lines_may_repeat() {
        let question = "What inspired you to start cooking for others?";
        let verdicts = repeats(
            &[question, "Answer one.", question, "Answer two."],
            &[],
            |_| false,
        );
        assert!(verdicts.iter().all(Option::is_none));
    }

    #[test]
    fn same_input_same_verdicts() {
        let texts = [APPEAL, "A short one", APPEAL, APPEAL];
        assert_eq!(
            repeats(&texts, &[], |_| false),
            repeats(&texts, &[], |_| false)
        );
    }
}
