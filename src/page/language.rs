//! The page's language: the tag it declares, read lightly, else the language its article is
//! written in, as `whatlang` tells it from the text.

use crate::{Block, BlockKind};

/// How much of the article's text the detector reads. A few paragraphs tell the language as
/// well as the whole article (on the shared sets, 1,000 characters agree with the declared
/// language as often as 2,000 and more often than 600), and the cost stays that of a few
/// paragraphs, about 0.1 ms, however long the article is.
const SAMPLE_CHARS: usize = 1_000;

/// A declared language tag, trimmed, the first of a list, with `_` read as `-` (`og:locale`
/// writes `en_US`); `None` when it is not a language tag at all (empty, `und`, a name such as
/// "English", a template placeholder). Letter case is kept as declared.
pub(crate) fn declared(value: &str) -> Option<String> {
    let tag = value.split(',').next().unwrap_or_default().trim();
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    let is_tag = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && !primary.eq_ignore_ascii_case("und")
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    is_tag.then(|| tag.replace('_', "-"))
}

/// The language of the article's prose (code blocks left out), from its first
/// [`SAMPLE_CHARS`] characters: its ISO 639-1 code where it has one (`"en"`, `"zh"`), else its
/// ISO 639-3 code. `None` unless the detector calls its guess reliable.
pub(crate) fn detect(blocks: &[Block]) -> Option<String> {
    let mut sample = String::new();
    let mut room = SAMPLE_CHARS;
    let prose = blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Code { .. } | BlockKind::Rule));
    for block in prose {
        if room == 0 {
            break;
        }
        let end = block
            .text
            .char_indices()
            .nth(room)
            .map_or(block.text.len(), |(at, _)| at);
        let part = &block.text[..end];
        room -= part.chars().count().min(room);
        sample.push_str(part);
        sample.push('\n');
    }
    let info = whatlang::detect(&sample).filter(whatlang::Info::is_reliable)?;
    let code = info.lang().code();
    Some(iso_639_1(code).unwrap_or(code).to_owned())
}

/// The two-letter code of a language `whatlang` names by its three-letter ISO 639-3 code, as
/// `<html lang>` writes it.
fn iso_639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language_of(html: &str) -> Option<String> {
        crate::extract(html, &crate::Config::default())
            .expect("extracts")
            .metadata
            .language
    }

    fn article(paragraphs: &[&str]) -> String {
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            "<html><head><title>Page</title></head><body><article>{body}</article></body></html>"
        )
    }

    #[test]
    fn undeclared_language_is_detected_from_the_article() {
        let cases = [
            (
                "en",
                [
                    "The town council voted on Tuesday to close the old harbour bridge to cars \
                     for the whole of the summer, after engineers found cracks in two of its piers.",
                    "Cyclists and people on foot will still be able to cross, the council said, \
                     and a ferry will run every twenty minutes while the repairs go on.",
                ],
            ),
            (
                "de",
                [
                    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke den ganzen \
                     Sommer über für Autos zu sperren, nachdem Ingenieure Risse in zwei Pfeilern \
                     gefunden hatten.",
                    "Radfahrer und Fußgänger dürfen die Brücke weiterhin benutzen, und während \
                     der Reparatur fährt alle zwanzig Minuten eine Fähre.",
                ],
            ),
            (
                "fr",
                [
                    "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux \
                     voitures pendant tout l'été, après que des ingénieurs ont trouvé des \
                     fissures dans deux de ses piles.",
                    "Les cyclistes et les piétons pourront toujours le traverser, et un bac \
                     partira toutes les vingt minutes pendant les travaux.",
                ],
            ),
            (
                "es",
                [
                    "El ayuntamiento votó el martes cerrar al tráfico el viejo puente del puerto \
                     durante todo el verano, después de que los ingenieros encontraran grietas \
                     en dos de sus pilares.",
                    "Los ciclistas y los peatones podrán seguir cruzándolo, y un transbordador \
                     saldrá cada veinte minutos mientras duren las obras.",
                ],
            ),
            (
                "ru",
                [
                    "Городской совет во вторник проголосовал за то, чтобы закрыть старый мост в \
                     порту для машин на всё лето, после того как инженеры нашли трещины в двух \
                     его опорах.",
                    "Велосипедисты и пешеходы смогут по-прежнему переходить по нему, а пока идёт \
                     ремонт, каждые двадцать минут будет ходить паром.",
                ],
            ),
            (
                "zh",
                [
                    "市议会周二投票决定，整个夏天禁止汽车通过港口的旧桥，因为工程师在两个桥墩上发现了裂缝。",
                    "议会表示，骑自行车的人和行人仍然可以过桥，维修期间每二十分钟有一班渡轮。",
                ],
            ),
            (
                "ja",
                [
                    "市議会は火曜日、技師が橋脚の二か所にひび割れを見つけたことを受けて、港の古い橋を夏の間ずっと車両通行止めにすることを決めた。",
                    "自転車と歩行者は引き続き渡ることができ、工事の間は二十分ごとにフェリーが運航されるという。",
                ],
            ),
        ];
        for (code, paragraphs) in cases {
            assert_eq!(language_of(&article(&paragraphs)).as_deref(), Some(code));
        }
    }

    #[test]
    fn declared_language_wins_over_detection() {
        let page = article(&[
            "The town council voted on Tuesday to close the old harbour bridge to cars for the \
             whole of the summer, after engineers found cracks in two of its piers.",
        ]);
        let declared = page.replace("<html>", r#"<html lang="fr-CA">"#);
        assert_eq!(language_of(&declared).as_deref(), Some("fr-CA"));
        let locale = page.replace(
            "<head>",
            r#"<head><meta property="og:locale" content="en_GB">"#,
        );
        assert_eq!(language_of(&locale).as_deref(), Some("en-GB"));
        let pragma = page.replace(
            "<head>",
            r#"<head><meta http-equiv="Content-Language" content="de, en">"#,
        );
        assert_eq!(language_of(&pragma).as_deref(), Some("de"));
        let json_ld = page.replace(
            "<head>",
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle","inLanguage":"nl-BE"}</script>"#,
        );
        assert_eq!(language_of(&json_ld).as_deref(), Some("nl-BE"));
    }

    #[test]
    fn a_declaration_that_is_no_language_tag_is_passed_over() {
        assert_eq!(declared(" en_US "), Some("en-US".to_owned()));
        assert_eq!(declared("EN-us"), Some("EN-us".to_owned()));
        assert_eq!(declared("zh-Hant-TW"), Some("zh-Hant-TW".to_owned()));
        for junk in ["", "  ", "English", "{{ lang }}", "und", "en-", "e"] {
            assert_eq!(declared(junk), None, "{junk:?}");
        }
        let page = article(&[
            "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke den ganzen Sommer über \
             für Autos zu sperren, nachdem Ingenieure Risse in zwei Pfeilern gefunden hatten.",
        ]);
        let named = page.replace("<head>", r#"<head><meta name="language" content="German">"#);
        assert_eq!(language_of(&named).as_deref(), Some("de"));
        let empty = page.replace("<html>", r#"<html lang="">"#);
        assert_eq!(language_of(&empty).as_deref(), Some("de"));
    }

    #[test]
    fn short_or_mixed_text_gives_no_language() {
        let node = crate::blocks::NodeId::DOCUMENT;
        for text in [
            "OK",
            "Price: 20 EUR, SKU 4411-B",
            "Login | Sign up | Kontakt | Accueil",
        ] {
            let blocks = [Block::new(BlockKind::Paragraph, text, node)];
            assert_eq!(detect(&blocks), None, "{text:?}");
        }
        assert_eq!(language_of(&article(&["OK"])), None);
        assert_eq!(language_of(&article(&["Price: 20 EUR, SKU 4411-B"])), None);
        assert_eq!(language_of("<html><body></body></html>"), None);
    }

    #[test]
    fn the_sample_leaves_code_out_and_stops_after_its_cap() {
        let node = crate::blocks::NodeId::DOCUMENT;
        let block = |kind, text: String| Block::new(kind, text, node);
        let german = "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke den ganzen \
                      Sommer über für Autos zu sperren. ";
        let english = "The town council voted on Tuesday to close the old harbour bridge to cars \
                       for the whole of the summer. ";
        let code = "fn main() { let bridge = Bridge::open(); bridge.close(); }\n".repeat(100);
        let blocks = [
            block(BlockKind::Code { language: None }, code),
            block(BlockKind::Paragraph, german.repeat(30)),
            block(BlockKind::Paragraph, english.repeat(300)),
        ];
        assert_eq!(detect(&blocks).as_deref(), Some("de"));
    }

    #[test]
    fn every_detected_language_has_a_code() {
        for lang in whatlang::Lang::all() {
            let code = iso_639_1(lang.code()).unwrap_or(lang.code());
            assert_eq!(code.len(), 2, "{lang:?}");
        }
    }
}
