//! Phrases that mark boilerplate blocks, in one table across languages.
//!
//! A cue never removes a block by itself: the body's edge filter uses it only together with
//! structural evidence (the block's position at an edge of the body, its shortness, its links).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::{words, words_joined};

mod actions;
mod counters;
mod more;
pub(crate) use actions::find_label;
pub(crate) use counters::find_counter;
use more::MORE_CUES;

/// The kind of boilerplate a cue names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// "Read also", "Related", "More from": the article has ended, links to others follow.
    ReadAlso,
    /// "Tags:", "Filed under", "Categories".
    Tags,
    /// "Share this", "Follow us".
    Share,
    /// "Leave a comment", "N comments".
    CommentPrompt,
    /// Donation, membership and subscription appeals.
    Appeal,
    /// Newsletter sign-ups.
    Newsletter,
    /// Photo and source credits: "Photo:", "Source:", "©", agency names.
    Credit,
    /// Cookie and consent notices.
    Cookie,
    /// The article's end matter: "About the author" boxes, a suggested citation.
    AuthorBox,
    /// "Was this article helpful?", "Rate this article".
    Rating,
    /// Affiliate and advertising disclosures: "This post contains affiliate links", "Werbung".
    Disclosure,
    /// A paywall's sign-in line ("Already a subscriber?"): the article was cut short above it.
    Paywall,
}

impl Cue {
    /// Whether blocks after this cue, at the end of the body, are no longer the article.
    pub(crate) fn ends_article(self) -> bool {
        matches!(
            self,
            Cue::ReadAlso
                | Cue::Tags
                | Cue::Share
                | Cue::CommentPrompt
                | Cue::AuthorBox
                | Cue::Rating
                | Cue::Paywall
        )
    }
}

/// Where in a block a phrase must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// The block opens with it.
    Start,
    /// Anywhere in the block.
    Anywhere,
    /// The block is the phrase and nothing more (a label: "Weitere Informationen:"), where the
    /// same words opening a sentence are the article's ("Weitere Informationen erteilt ...").
    Whole,
}

/// The cue table: kind, where, and the phrase (folded: lower case, words separated by spaces).
/// English, German, French, Spanish, Russian and Ukrainian here; the other languages of the web
/// in [`MORE_CUES`].
const CUES: &[(Cue, At, &str)] = &[
    // Read also / related.
    (Cue::ReadAlso, At::Start, "read also"),
    (Cue::ReadAlso, At::Start, "read more"),
    (Cue::ReadAlso, At::Start, "see also"),
    (Cue::ReadAlso, At::Start, "related"),
    (Cue::ReadAlso, At::Start, "more from"),
    (Cue::ReadAlso, At::Start, "more on this"),
    (Cue::ReadAlso, At::Start, "more stories"),
    (Cue::ReadAlso, At::Start, "recommended"),
    (Cue::ReadAlso, At::Start, "you may also like"),
    (Cue::ReadAlso, At::Start, "you might also like"),
    (Cue::ReadAlso, At::Start, "lesen sie auch"),
    (Cue::ReadAlso, At::Start, "lesen sie mehr"),
    (Cue::ReadAlso, At::Start, "mehr zum thema"),
    (
        Cue::ReadAlso,
        At::Start,
        "das könnte sie auch interessieren",
    ),
    (Cue::ReadAlso, At::Start, "lire aussi"),
    (Cue::ReadAlso, At::Start, "à lire aussi"),
    (Cue::ReadAlso, At::Start, "voir aussi"),
    (Cue::ReadAlso, At::Start, "sur le même sujet"),
    (Cue::ReadAlso, At::Start, "lee también"),
    (Cue::ReadAlso, At::Start, "leer también"),
    (Cue::ReadAlso, At::Start, "te puede interesar"),
    (Cue::ReadAlso, At::Start, "noticias relacionadas"),
    (Cue::ReadAlso, At::Start, "читайте также"),
    (Cue::ReadAlso, At::Start, "смотрите также"),
    (Cue::ReadAlso, At::Start, "по теме"),
    (Cue::ReadAlso, At::Start, "читайте також"),
    (Cue::ReadAlso, At::Start, "дивіться також"),
    (Cue::ReadAlso, At::Start, "за темою"),
    // Tags and categories.
    (Cue::Tags, At::Start, "tags"),
    (Cue::Tags, At::Start, "tagged"),
    (Cue::Tags, At::Start, "filed under"),
    (Cue::Tags, At::Start, "posted in"),
    (Cue::Tags, At::Anywhere, "abgelegt unter"),
    (Cue::Tags, At::Start, "veröffentlicht unter"),
    (Cue::Tags, At::Start, "publié dans"),
    (Cue::Tags, At::Start, "categories"),
    (Cue::Tags, At::Start, "topics"),
    (Cue::Tags, At::Start, "schlagwörter"),
    (Cue::Tags, At::Start, "schlagworte"),
    (Cue::Tags, At::Start, "themen"),
    (Cue::Tags, At::Start, "mots clés"),
    (Cue::Tags, At::Start, "étiquettes"),
    (Cue::Tags, At::Start, "etiquetas"),
    (Cue::Tags, At::Start, "temas"),
    (Cue::Tags, At::Start, "теги"),
    (Cue::Tags, At::Start, "метки"),
    (Cue::Tags, At::Start, "мітки"),
    // Share and follow.
    (Cue::Share, At::Start, "share this"),
    (Cue::Share, At::Start, "share on"),
    (Cue::Share, At::Start, "follow us"),
    (Cue::Share, At::Start, "teilen"),
    (Cue::Share, At::Start, "folgen sie uns"),
    (Cue::Share, At::Start, "partager"),
    (Cue::Share, At::Start, "suivez nous"),
    (Cue::Share, At::Start, "compartir"),
    (Cue::Share, At::Start, "síguenos"),
    (Cue::Share, At::Start, "поделиться"),
    (Cue::Share, At::Start, "поділитися"),
    (Cue::Share, At::Start, "підписуйтесь"),
    // Comment prompts.
    (Cue::CommentPrompt, At::Start, "leave a comment"),
    (Cue::CommentPrompt, At::Start, "leave a reply"),
    (Cue::CommentPrompt, At::Start, "add a comment"),
    // Sign-in lines under a comment form.
    (
        Cue::CommentPrompt,
        At::Anywhere,
        "logged in to post a comment",
    ),
    (
        Cue::CommentPrompt,
        At::Anywhere,
        "log in to leave a comment",
    ),
    (Cue::CommentPrompt, At::Anywhere, "kommentieren zu können"),
    (
        Cue::CommentPrompt,
        At::Anywhere,
        "angemeldet sein um einen kommentar",
    ),
    (
        Cue::CommentPrompt,
        At::Anywhere,
        "connecter pour publier un commentaire",
    ),
    (
        Cue::CommentPrompt,
        At::Anywhere,
        "iniciar sesión para publicar un comentario",
    ),
    (Cue::CommentPrompt, At::Start, "comments"),
    (Cue::CommentPrompt, At::Start, "kommentare"),
    (Cue::CommentPrompt, At::Start, "kommentar schreiben"),
    (Cue::CommentPrompt, At::Start, "laisser un commentaire"),
    (Cue::CommentPrompt, At::Start, "commentaires"),
    (Cue::CommentPrompt, At::Start, "deja un comentario"),
    (Cue::CommentPrompt, At::Start, "comentarios"),
    (Cue::CommentPrompt, At::Start, "комментарии"),
    (Cue::CommentPrompt, At::Start, "коментарі"),
    // Appeals: donations, membership, subscriptions.
    (Cue::Appeal, At::Anywhere, "become a patron"),
    (Cue::Appeal, At::Anywhere, "support us"),
    (Cue::Appeal, At::Anywhere, "support our journalism"),
    (Cue::Appeal, At::Anywhere, "support independent journalism"),
    (Cue::Appeal, At::Anywhere, "make a donation"),
    (Cue::Appeal, At::Anywhere, "donate now"),
    (Cue::Appeal, At::Anywhere, "become a member"),
    (Cue::Appeal, At::Anywhere, "become a supporter"),
    (Cue::Appeal, At::Anywhere, "join our community"),
    (Cue::Appeal, At::Anywhere, "subscribe now"),
    (Cue::Appeal, At::Anywhere, "unterstützen sie"),
    (Cue::Appeal, At::Anywhere, "jetzt mitglied werden"),
    (Cue::Appeal, At::Anywhere, "jetzt spenden"),
    (Cue::Appeal, At::Anywhere, "jetzt abonnieren"),
    (Cue::Appeal, At::Anywhere, "soutenez nous"),
    (Cue::Appeal, At::Anywhere, "faire un don"),
    (Cue::Appeal, At::Anywhere, "abonnez vous"),
    (Cue::Appeal, At::Anywhere, "apóyanos"),
    (Cue::Appeal, At::Anywhere, "haz una donación"),
    (Cue::Appeal, At::Anywhere, "suscríbete"),
    (Cue::Appeal, At::Anywhere, "поддержите"),
    (Cue::Appeal, At::Anywhere, "подпишитесь"),
    (Cue::Appeal, At::Anywhere, "підтримайте"),
    (Cue::Appeal, At::Anywhere, "станьте патроном"),
    // A paywall's sign-in line under an article cut short.
    (Cue::Paywall, At::Start, "already a subscriber"),
    (Cue::Paywall, At::Start, "subscribe to continue reading"),
    (Cue::Paywall, At::Start, "bereits abonnent"),
    (Cue::Paywall, At::Start, "sie sind bereits abonnent"),
    (Cue::Paywall, At::Start, "du bist bereits abonnent"),
    (Cue::Paywall, At::Start, "déjà abonné"),
    (Cue::Paywall, At::Start, "vous êtes déjà abonné"),
    (Cue::Paywall, At::Start, "ya eres suscriptor"),
    (Cue::Paywall, At::Start, "ya soy suscriptor"),
    // Newsletters.
    (Cue::Newsletter, At::Anywhere, "newsletter"),
    (Cue::Newsletter, At::Anywhere, "sign up for"),
    (Cue::Newsletter, At::Anywhere, "infolettre"),
    (Cue::Newsletter, At::Anywhere, "boletín"),
    (Cue::Newsletter, At::Anywhere, "рассылка"),
    (Cue::Newsletter, At::Anywhere, "розсилка"),
    // Credits.
    (Cue::Credit, At::Start, "photo"),
    (Cue::Credit, At::Start, "source"),
    (Cue::Credit, At::Start, "image"),
    (Cue::Credit, At::Start, "foto"),
    (Cue::Credit, At::Start, "quelle"),
    (Cue::Credit, At::Start, "bild"),
    (Cue::Credit, At::Start, "fuente"),
    (Cue::Credit, At::Start, "фото"),
    (Cue::Credit, At::Start, "источник"),
    (Cue::Credit, At::Start, "джерело"),
    (Cue::Credit, At::Anywhere, "source"),
    (Cue::Credit, At::Anywhere, "photo"),
    (Cue::Credit, At::Anywhere, "foto"),
    (Cue::Credit, At::Anywhere, "quelle"),
    (Cue::Credit, At::Anywhere, "фото"),
    (Cue::Credit, At::Anywhere, "джерело"),
    (Cue::Credit, At::Anywhere, "getty images"),
    (Cue::Credit, At::Anywhere, "reuters"),
    (Cue::Credit, At::Anywhere, "afp"),
    (Cue::Credit, At::Anywhere, "ap photo"),
    (Cue::Credit, At::Anywhere, "dpa"),
    (Cue::Credit, At::Anywhere, "shutterstock"),
    (Cue::Credit, At::Anywhere, "illustrative"),
    // Cookies.
    (Cue::Cookie, At::Anywhere, "we use cookies"),
    (Cue::Cookie, At::Anywhere, "uses cookies"),
    (Cue::Cookie, At::Anywhere, "cookie policy"),
    (Cue::Cookie, At::Anywhere, "wir verwenden cookies"),
    (Cue::Cookie, At::Anywhere, "nous utilisons des cookies"),
    (Cue::Cookie, At::Anywhere, "utilizamos cookies"),
    (Cue::Cookie, At::Anywhere, "файлы cookie"),
    (Cue::Cookie, At::Anywhere, "файли cookie"),
    // Author boxes.
    (Cue::AuthorBox, At::Start, "about the author"),
    (Cue::AuthorBox, At::Start, "über den autor"),
    (Cue::AuthorBox, At::Start, "à propos de l auteur"),
    (Cue::AuthorBox, At::Start, "sobre el autor"),
    (Cue::AuthorBox, At::Start, "об авторе"),
    (Cue::AuthorBox, At::Start, "про автора"),
    // How to cite the article, which scholarly blogs and journals print after it.
    (Cue::AuthorBox, At::Start, "suggested citation"),
    (Cue::AuthorBox, At::Start, "cite this article"),
    (Cue::AuthorBox, At::Start, "how to cite this article"),
    (Cue::AuthorBox, At::Start, "zitiervorschlag"),
    (Cue::AuthorBox, At::Start, "zitierhinweis"),
    (Cue::AuthorBox, At::Start, "pour citer cet article"),
    (Cue::AuthorBox, At::Start, "citer cet article"),
    (Cue::AuthorBox, At::Start, "cómo citar este artículo"),
    (Cue::AuthorBox, At::Start, "come citare questo articolo"),
    (Cue::AuthorBox, At::Start, "jak cytować"),
];

/// Every row of the two tables, in order.
fn all() -> impl Iterator<Item = &'static (Cue, At, &'static str)> {
    CUES.iter().chain(MORE_CUES.iter())
}

/// The row a pattern of the set was built from.
fn nth(i: usize) -> (Cue, At, &'static str) {
    if i < CUES.len() {
        CUES[i]
    } else {
        MORE_CUES[i - CUES.len()]
    }
}

/// The words of `text` as the table writes them: lower case, single spaces.
fn fold(text: &str) -> String {
    let folded = words_joined(text);
    // A capital dotted I (Turkish "İlgili") lower-cases to an i and a combining dot.
    if folded.contains('\u{307}') {
        folded.replace('\u{307}', "")
    } else {
        folded
    }
}

// The phrases are fixed; `patterns_compile` builds the automaton in the tests.
#[allow(clippy::expect_used)]
static PATTERNS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // Every occurrence of every phrase, so that the first row of the table whose place fits wins
    // (a set of regular expressions did the same, at many times the cost of building it).
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(all().map(|(_, _, phrase)| phrase))
        .expect("cue phrases build an automaton")
});

/// The first row of the table (by position) whose phrase `folded` shows where the row says
/// (`words_joined` joins words with single spaces, so a space or an end is a word boundary) and
/// that `keep` keeps.
fn first_match(folded: &str, keep: impl Fn(Cue) -> bool) -> Option<usize> {
    first_row(folded, |i| keep(nth(i).0))
}

/// As [`first_match`], with `keep` asked of the row's number.
fn first_row(folded: &str, keep: impl Fn(usize) -> bool) -> Option<usize> {
    let b = folded.as_bytes();
    let mut first: Option<usize> = None;
    for found in PATTERNS.find_overlapping_iter(folded) {
        let i = found.pattern().as_usize();
        if first.is_some_and(|f| f <= i) {
            continue;
        }
        let (start, end) = (found.start(), found.end());
        let opens = start == 0;
        let ends = end == b.len();
        let (_, at, _) = nth(i);
        let placed = match at {
            At::Start => opens && (ends || b[end] == b' '),
            At::Anywhere => (opens || b[start - 1] == b' ') && (ends || b[end] == b' '),
            At::Whole => opens && ends,
        };
        if placed && keep(i) {
            first = Some(i);
        }
    }
    first
}

/// Whether a cue is a site's notice, which no article's paragraph is, wherever it stands.
fn is_notice(cue: Cue) -> bool {
    matches!(cue, Cue::Disclosure | Cue::Cookie)
}

/// One small automaton over the anchor words of the phrases of some cues (each phrase's longest
/// ASCII word, else its longest word): a text must show one before it is folded and matched
/// against the table.
// The phrases are fixed; the tests build every automaton.
#[allow(clippy::expect_used)]
fn anchor_words(kinds: fn(Cue) -> bool) -> AhoCorasick {
    let anchor = |phrase: &'static str| {
        let words = phrase.split(' ');
        let ascii = words
            .clone()
            .filter(|w| w.is_ascii())
            .max_by_key(|w| w.len());
        ascii
            .or_else(|| words.max_by_key(|w| w.chars().count()))
            .unwrap_or(phrase)
    };
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(
            all()
                .filter(|(cue, _, _)| kinds(*cue))
                .map(|(_, _, phrase)| anchor(phrase)),
        )
        .expect("anchor words build an automaton")
}

/// Every block of a body is asked for a notice, so it first has to show an anchor word of one.
static NOTICE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| anchor_words(is_notice));

/// The anchor words of the paywall's lines, which a page's every short block may be asked for.
static PAYWALL_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| anchor_words(|cue| cue == Cue::Paywall));

/// Whether a raw text shows a word of a paywall's line: the cheap test before [`find_where`].
pub(crate) fn may_show_paywall(text: &str) -> bool {
    PAYWALL_WORDS.is_match(text)
}

/// The phrase of the notice (an affiliate or advertising disclosure, a cookie notice) that `text`
/// shows, if any.
pub(crate) fn find_notice(text: &str) -> Option<&'static str> {
    if !NOTICE_WORDS.is_match(text) {
        return None;
    }
    first_match(&fold(text), is_notice).map(|i| nth(i).2)
}

/// The first cue of the table that `text` shows, with its phrase.
pub(crate) fn find(text: &str) -> Option<(Cue, &'static str)> {
    find_where(text).map(|(cue, phrase, _)| (cue, phrase))
}

/// The first cue of the table that `text` shows, its phrase, and whether the text opens with it.
pub(crate) fn find_where(text: &str) -> Option<(Cue, &'static str, bool)> {
    let (cue, at, phrase) = nth(first_match(&fold(text), |_| true)?);
    Some((cue, phrase, at != At::Anywhere))
}

/// Words at the end of a block searched for a credit.
const CREDIT_TAIL_WORDS: usize = 8;

/// Whether `text` ends with a photo or source credit ("... / Source: Facebook, Jane Doe"), as
/// captions do; the phrase if so. A sentence ending in a full stop ("..., a source said.") is
/// prose, not a credit.
pub(crate) fn ends_with_credit(text: &str) -> Option<&'static str> {
    if text.trim_end().ends_with(['.', '!', '?', '"', '”', '»']) {
        return None;
    }
    let words: Vec<String> = words(text).collect();
    let tail = words[words.len().saturating_sub(CREDIT_TAIL_WORDS)..].join(" ");
    first_match(&tail, |cue| cue == Cue::Credit).map(|i| nth(i).2)
}

/// Words after a picture's credit separator, at most.
const PHOTO_CREDIT_WORDS: usize = 8;

/// Words that open a picture's credit ("(Foto: Getty)", "| Photo: Jane Doe").
const PHOTO_CREDIT_OPENERS: &[&str] = &[
    "foto",
    "fotos",
    "photo",
    "photos",
    "bild",
    "bilder",
    "image",
    "images",
    "credit",
    "credits",
    "kuva",
    "fotó",
    "фото",
    "zdjęcie",
    "fot",
    "illustration",
];

/// Whether `text` ends with a picture's credit set apart from it, as a caption does ("... im
/// Überblick. (Foto: Getty)", "... gesegnet. | © Augusta National/Getty Images"): after the last
/// parenthesis, bar or copyright sign, a few words that open with a credit word or a copyright
/// sign or name a picture agency of the cue table. A source cited in prose ("(Quelle: Destatis)")
/// is not a picture's credit.
pub(crate) fn ends_with_photo_credit(text: &str) -> bool {
    let text = text.trim_end();
    let Some(at) = text.rfind(['(', '|', '©']) else {
        return false;
    };
    let tail = &text[at..];
    let words: Vec<String> = words(tail).collect();
    if words.is_empty() || words.len() > PHOTO_CREDIT_WORDS {
        return false;
    }
    if tail.starts_with('©') || PHOTO_CREDIT_OPENERS.contains(&words[0].as_str()) {
        return true;
    }
    // A picture agency: a credit row that may stand anywhere, but for the words prose uses too.
    let agency = |i: usize| {
        let (cue, at, phrase) = nth(i);
        cue == Cue::Credit && at == At::Anywhere && !is_common_word(phrase)
    };
    first_row(&words.join(" "), agency).is_some()
}

/// Credit phrases that prose uses too: a source cited, a picture mentioned ("(see photo)").
fn is_common_word(phrase: &str) -> bool {
    matches!(
        phrase,
        "source" | "quelle" | "джерело" | "источник" | "photo" | "foto" | "фото" | "illustrative"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        LazyLock::force(&PATTERNS);
        LazyLock::force(&NOTICE_WORDS);
        LazyLock::force(&PAYWALL_WORDS);
    }

    /// The table as a set of anchored regular expressions.
    fn regex_set() -> regex::RegexSet {
        regex::RegexSet::new(all().map(|(_, at, phrase)| {
            let phrase = regex::escape(phrase);
            match at {
                At::Start => format!(r"^{phrase}(?: |$)"),
                At::Anywhere => format!(r"(?:^| ){phrase}(?: |$)"),
                At::Whole => format!(r"^{phrase}$"),
            }
        }))
        .expect("valid")
    }

    #[test]
    fn automaton_finds_the_rows_the_regular_expressions_find() {
        let mut texts = vec![String::new(), "photo".to_owned(), "a photo b".to_owned()];
        for (_, _, phrase) in all() {
            for (before, after) in [("", ""), ("the ", ""), ("", " now"), ("x", ""), ("", "s")] {
                texts.push(format!("{before}{phrase}{after}"));
            }
            texts.push(format!("{phrase} {phrase}x {phrase}"));
        }
        let set = regex_set();
        for text in &texts {
            let rows: Vec<usize> = set.matches(text).into_iter().collect();
            assert_eq!(first_match(text, |_| true), rows.first().copied(), "{text}");
            let credit = rows.iter().copied().find(|&i| nth(i).0 == Cue::Credit);
            assert_eq!(first_match(text, |c| c == Cue::Credit), credit, "{text}");
        }
    }

    #[test]
    fn cues_in_several_languages() {
        assert_eq!(find("Read also:").map(|c| c.0), Some(Cue::ReadAlso));
        assert_eq!(
            find("Lesen Sie auch: Der Gipfel").map(|c| c.0),
            Some(Cue::ReadAlso)
        );
        assert_eq!(find("Tags: Belgium, NATO").map(|c| c.0), Some(Cue::Tags));
        assert_eq!(
            find("Читайте також: новини").map(|c| c.0),
            Some(Cue::ReadAlso)
        );
        assert_eq!(
            find("A little bit goes a long way. Become a Patron!"),
            Some((Cue::Appeal, "become a patron"))
        );
        assert_eq!(
            find("Prime ministers at a briefing, an illustrative image/ Source: Facebook")
                .map(|c| c.0),
            Some(Cue::Credit)
        );
    }

    #[test]
    fn captions_end_with_credits() {
        let caption = "A joint briefing of the prime ministers, an illustrative image/ Source: \
                       Facebook, Ihor Zhovkva";
        assert_eq!(ends_with_credit(caption), Some("source"));
        let lede = "LONDON (Reuters) - Britain's finance minister said on Monday that the budget \
                    would be balanced within five years, despite slower growth.";
        assert_eq!(ends_with_credit(lede), None);
        assert_eq!(
            ends_with_credit("The talks went on all night, a source said."),
            None
        );
    }

    #[test]
    fn cues_in_the_main_languages_of_the_web() {
        let lines = [
            ("de", "Mehr zum Thema", Cue::ReadAlso),
            ("de", "War der Artikel nützlich?", Cue::Rating),
            ("es", "También te puede interesar:", Cue::ReadAlso),
            ("fr", "À lire également", Cue::ReadAlso),
            ("it", "Potrebbe interessarti anche", Cue::ReadAlso),
            ("pt", "Veja também", Cue::ReadAlso),
            ("pt", "Você pode gostar...", Cue::ReadAlso),
            ("nl", "Lees ook:", Cue::ReadAlso),
            ("pl", "Czytaj też: Nowy prom", Cue::ReadAlso),
            ("cs", "Čtěte také", Cue::ReadAlso),
            ("ru", "Материалы по теме", Cue::ReadAlso),
            ("uk", "Матеріали за темою", Cue::ReadAlso),
            ("tr", "Bunlar da ilginizi çekebilir", Cue::ReadAlso),
            ("sv", "Läs även:", Cue::ReadAlso),
            ("da", "Relaterede artikler", Cue::ReadAlso),
            ("nb", "Relaterte artikler", Cue::ReadAlso),
            ("fi", "Aiheesta lisää", Cue::ReadAlso),
            ("hu", "Ezek is érdekelhetnek", Cue::ReadAlso),
            ("ro", "Citește și: Feribotul", Cue::ReadAlso),
            ("el", "Διαβάστε επίσης", Cue::ReadAlso),
            ("ja", "あわせて読みたい", Cue::ReadAlso),
            ("zh", "延伸阅读", Cue::ReadAlso),
            ("ko", "관련기사", Cue::ReadAlso),
            ("ar", "اقرأ أيضاً", Cue::ReadAlso),
            ("sv", "Prenumerera på vårt nyhetsbrev!", Cue::Newsletter),
            ("pl", "Używamy plików cookie, aby...", Cue::Cookie),
            ("de", "Das könnte Dich auch interessieren", Cue::ReadAlso),
            ("de", "Weitere Artikel", Cue::ReadAlso),
            ("de", "Markiert mit", Cue::Tags),
            ("en", "Posted in Uncategorized", Cue::Tags),
            (
                "de",
                "Erstellt am 6. Mai und abgelegt unter Linux",
                Cue::Tags,
            ),
            ("de", "Veröffentlicht unter Allgemein", Cue::Tags),
            ("fr", "Publié dans Actualités", Cue::Tags),
            ("de", "Wenn Ihnen unser Artikel gefallen hat:", Cue::Appeal),
            (
                "en",
                "You must be logged in to post a comment.",
                Cue::CommentPrompt,
            ),
            (
                "de",
                "Um den Beitrag kommentieren zu können, müssen Sie eingeloggt sein.",
                Cue::CommentPrompt,
            ),
            (
                "fr",
                "Vous devez vous connecter pour publier un commentaire.",
                Cue::CommentPrompt,
            ),
            ("de", "Bereits Abonnent? Hier anmelden", Cue::Paywall),
            ("en", "Already a subscriber? Sign in", Cue::Paywall),
            ("fr", "Déjà abonné ? Se connecter", Cue::Paywall),
            ("es", "¿Ya eres suscriptor? Inicia sesión", Cue::Paywall),
            ("it", "Sei già abbonato? Accedi", Cue::Paywall),
            ("pt", "Já é assinante? Entre", Cue::Paywall),
            ("nl", "Al abonnee? Log in", Cue::Paywall),
            ("es", "Valora esta noticia", Cue::Rating),
            ("es", "Lo más leído", Cue::ReadAlso),
            ("fr", "Sur le même thème", Cue::ReadAlso),
            ("pl", "Zobacz również", Cue::ReadAlso),
            ("en", "Keep reading", Cue::ReadAlso),
            ("de", "Bildnachweis: Anna Lehmann", Cue::Credit),
            ("en", "This post contains affiliate links.", Cue::Disclosure),
            (
                "en",
                "As an Amazon Associate I earn from purchases.",
                Cue::Disclosure,
            ),
            (
                "de",
                "*Werbung: Dieser Beitrag enthält Werbung.",
                Cue::Disclosure,
            ),
            (
                "de",
                "Bei den mit * markierten Links handelt es sich um Affiliate-Links.",
                Cue::Disclosure,
            ),
            (
                "fr",
                "Cet article contient des liens affiliés.",
                Cue::Disclosure,
            ),
            (
                "es",
                "Este artículo contiene enlaces de afiliado.",
                Cue::Disclosure,
            ),
            (
                "it",
                "Questo articolo contiene link di affiliazione.",
                Cue::Disclosure,
            ),
            (
                "pt",
                "Este post contém links de afiliados.",
                Cue::Disclosure,
            ),
            ("pl", "Wpis zawiera linki afiliacyjne.", Cue::Disclosure),
            (
                "de",
                "Für Links auf dieser Seite erhält der Verlag ggf. eine Provision vom Händler.",
                Cue::Disclosure,
            ),
            (
                "en",
                "This page includes products from one or more of our advertisers.",
                Cue::Disclosure,
            ),
        ];
        for (lang, line, cue) in lines {
            assert_eq!(find(line).map(|c| c.0), Some(cue), "{lang}: {line}");
        }
    }

    #[test]
    fn labels_and_appeals_after_articles() {
        let lines = [
            ("de", "Weitere Informationen:", Cue::ReadAlso),
            ("de", "Viel gelesen in Wirtschaft", Cue::ReadAlso),
            ("de", "Mehr aus der Region", Cue::ReadAlso),
            ("de", "Alle Artikel zu diesem Thema", Cue::ReadAlso),
            (
                "de",
                "Gefällt Ihnen unser Magazin? Dann unterstützen Sie uns.",
                Cue::Appeal,
            ),
            ("de", "Foto: picture alliance / dpa", Cue::Credit),
            ("pl", "Więcej informacji:", Cue::ReadAlso),
            (
                "pl",
                "Zapraszamy też do subskrypcji naszego kanału.",
                Cue::Newsletter,
            ),
            (
                "en",
                "If you enjoyed reading this post, share it.",
                Cue::Appeal,
            ),
            (
                "en",
                "We want to hear what you think about this article.",
                Cue::CommentPrompt,
            ),
            ("en", "Credit: Jane Doe", Cue::Credit),
            ("en", "Credits: Title image Jane Doe", Cue::Credit),
            (
                "en",
                "Never miss a story: sign up for our alerts.",
                Cue::Newsletter,
            ),
            ("de", "Mehr Kolumnen", Cue::ReadAlso),
            ("de", "Wir respektieren deine Privatsphäre.", Cue::Cookie),
            ("en", "iStock.com/Jane Doe", Cue::Credit),
            (
                "en",
                "SUGGESTED CITATION Doe, Jane: Experts in the crisis, Law Blog, 2020/4/09.",
                Cue::AuthorBox,
            ),
            (
                "de",
                "Zitiervorschlag: Doe, Expertinnen in der Krise",
                Cue::AuthorBox,
            ),
            ("fr", "Pour citer cet article : Jane Doe", Cue::AuthorBox),
            (
                "de",
                "Darum: Hilf mit und unterstütze unser Magazin mit einem Beitrag.",
                Cue::Appeal,
            ),
            ("en", "While you’re here…", Cue::Appeal),
            ("en", "ADVERTISEMENT", Cue::Disclosure),
            ("es", "Publicidad", Cue::Disclosure),
            (
                "en",
                "Would you consider helping to support our work? Click here.",
                Cue::Appeal,
            ),
        ];
        for (lang, line, cue) in lines {
            assert_eq!(find(line).map(|c| c.0), Some(cue), "{lang}: {line}");
        }
        // A sentence opening with a label's words is the article's.
        assert_eq!(
            find("Weitere Informationen erteilt die Stadtverwaltung unter 02382 59-0."),
            None
        );
    }

    #[test]
    fn captions_end_with_a_pictures_credit_and_prose_does_not() {
        for caption in [
            "Die Übertragungszeiten der großen Turniere im Überblick. (Foto: Jane Doe)",
            "The mayor opened the bridge on Monday. | © Jane Doe",
            "Storm damage on the coast road (Bild: dpa)",
            "Ferry in the harbour (Getty Images / John Smith)",
        ] {
            assert!(ends_with_photo_credit(caption), "{caption}");
        }
        for prose in [
            "Die Arbeitslosenquote stieg im Mai auf 5,2 Prozent (Quelle: Statistisches Amt)",
            "The council met on Monday (see photo).",
            "Both parties (the SPD and the Greens) agreed",
            "The harbour master took the photo (a rare one)",
        ] {
            assert!(!ends_with_photo_credit(prose), "{prose}");
        }
    }

    #[test]
    fn ordinary_sentences_have_no_cue() {
        assert_eq!(
            find("The council met on Tuesday to discuss the ferry."),
            None
        );
        assert_eq!(find("Relatedness of the two species was disputed."), None);
    }
}
