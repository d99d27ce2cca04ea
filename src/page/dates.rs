//! The page's publication date: declared (JSON-LD, `<meta>`, microdata, `<time>`), else shown
//! in an element marked as a date, in the page's address or beside its headline, else the last
//! change of an article.

use crate::dom::{Dom, Tag, attrs};
use crate::page::address::url;
use crate::page::case_blind;
use crate::page::metas::Metas;
use crate::page::schema::{Role, find_string, has_role};
use serde_json::Value;

/// `<meta name>` values that carry a publication date.
const DATE_NAMES: &[&str] = &[
    "article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
    "published_time",
    "published",
    "published-date",
    "publish_date",
    "article.published",
];

/// `<meta>` names and properties that carry the date of the last change: the page's date only
/// when it gives no publication date.
const MODIFIED_NAMES: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "last-modified",
];

/// When the page was published: the declared ISO 8601 value as given, else a `YYYY-MM-DD`
/// date. `article` is the JSON-LD item describing the article (see
/// [`crate::page::schema::article`]).
pub(crate) fn date(dom: &Dom<'_>, metas: &Metas<'_>, article: Option<&Value>) -> Option<String> {
    let ld = |key: &str| article.and_then(|a| a.get(key));
    ld("datePublished")
        .and_then(|v| v.as_str())
        .or_else(|| find_string(&metas.json_ld, "datePublished"))
        .and_then(normalize_date)
        .or_else(|| {
            DATE_NAMES
                .iter()
                .find_map(|name| metas.get(name).and_then(any_date))
        })
        .or_else(|| itemprop_date(dom))
        .or_else(|| time_date(dom))
        .or_else(|| visible_date(dom))
        .or_else(|| url(metas).and_then(|u| url_date(&u)))
        .or_else(|| headline_date(dom, false))
        .or_else(|| modified_date(metas, article))
        .or_else(|| headline_date(dom, true))
}

/// The `datetime` of the first `<time>` that has one and holds a date.
fn time_date(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len())
        .filter(|&i| {
            dom.attr(i, "datetime").is_some()
                && dom.nodes[i].element.is_some_and(|e| e.name() == "time")
        })
        .find_map(|i| dom.attr(i, "datetime").and_then(normalize_date))
}

/// The last change, which dates an article that gives no publication date; a product or service
/// page's is only the day its template was saved (see [`Role::Template`]).
fn modified_date(metas: &Metas<'_>, article: Option<&Value>) -> Option<String> {
    let ld = |key: &str| article.and_then(|a| a.get(key));
    let is_article = metas
        .get("og:type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("article"))
        || ld("@type").is_some_and(|t| {
            let named = |t: &Value| t.as_str().is_some_and(|t| !has_role(t, Role::Template));
            match t {
                Value::Array(ts) => ts.iter().any(named),
                t => named(t),
            }
        });
    is_article.then(|| {
        ld("dateModified")
            .and_then(|v| v.as_str())
            .or_else(|| MODIFIED_NAMES.iter().find_map(|name| metas.get(name)))
            .and_then(normalize_date)
    })?
}

/// The words [`visible_date`] looks for in class names, in any case.
static DATE_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| case_blind(&["date", "publish", "posted"]));

/// A date written out in an element marked as a date (`<time>`, or a class or id with "date",
/// "publish" or "posted"): `2025-09-04`, `September 4, 2025`, `4 Sept. 2025`, as `YYYY-MM-DD`.
/// Never inside a script, and never from a comment.
fn visible_date(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len()).find_map(|i| {
        let element = dom.nodes[i].element?;
        let [class, id] = attrs(element, ["class", "id"]);
        let marked = |v: Option<&str>| {
            v.is_some_and(|v| {
                if !DATE_WORDS.is_match(v) {
                    return false;
                }
                let v = v.to_ascii_lowercase();
                ["date", "publish", "posted"].iter().any(|w| v.contains(w))
                    && !["update", "modified", "comment"]
                        .iter()
                        .any(|w| v.contains(w))
            })
        };
        let is_time = element.name() == "time";
        if !(is_time || marked(class) || marked(id)) || dom.nodes[i].tag == Tag::Void {
            return None;
        }
        let text = dom.text_of(i, |k| dom.nodes[k].tag == Tag::Void);
        if text.chars().count() > 80 {
            return None;
        }
        normalize_date(&text)
            .map(|d| d.chars().take(10).collect())
            .or_else(|| written_date(&text))
    })
}

/// A date in a `<meta>` value: ISO 8601 (kept as given) or written out.
fn any_date(text: &str) -> Option<String> {
    normalize_date(text).or_else(|| written_date(text))
}

/// The date in a URL's path: `/2025/09/04/` or `2025-09-04` in a segment, as `YYYY-MM-DD`.
fn url_date(url: &str) -> Option<String> {
    let path = url.split("://").nth(1)?;
    let path = path.split(['?', '#']).next()?;
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let valid = |y: &str, m: &str, d: &str| {
        let (y, m, d) = (
            y.parse::<u32>().ok()?,
            m.parse::<u32>().ok()?,
            d.parse::<u32>().ok()?,
        );
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    for w in segments.windows(3) {
        if digits(w[0], 4)
            && digits(w[1], 2)
            && digits(w[2], 2)
            && let Some(date) = valid(w[0], w[1], w[2])
        {
            return Some(date);
        }
    }
    segments.iter().find_map(|seg| {
        let b = seg.as_bytes();
        (0..b.len().saturating_sub(9)).find_map(|at| {
            let before_ok = at == 0 || !b[at - 1].is_ascii_digit();
            let after_ok = b.get(at + 10).is_none_or(|c| !c.is_ascii_digit());
            let d = seg.get(at..at + 10)?;
            (before_ok && after_ok && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
                .then(|| valid(&d[..4], &d[5..7], &d[8..]))
                .flatten()
        })
    })
}

/// A date shown near the article's headline (the first `<h1>`): the first short element just
/// after it (else the nearest just before it) whose text is a date, as a page header prints "March 17, 2025" or
/// "17.05.2021" without marking it. Dates said to be updates count only when `updated` is true.
fn headline_date(dom: &Dom<'_>, updated: bool) -> Option<String> {
    let h1 = (0..dom.len()).find(|&i| dom.nodes[i].tag == Tag::Heading(1))?;
    let start = h1.saturating_sub(30);
    let end = (dom.nodes[h1].end + 60).min(dom.len());
    // After the headline first, then before it, nearest first.
    (dom.nodes[h1].end..end)
        .chain((start..h1).rev())
        .find_map(|i| {
            let node = &dom.nodes[i];
            // Not the headline, nor what holds it, nor what is in it.
            let around = i <= h1 && node.end > h1 || (h1..dom.nodes[h1].end).contains(&i);
            // A date line is a few nodes; a long container's text would cost the page's.
            if node.element.is_none() || node.tag == Tag::Void || around || node.end - i > 24 {
                return None;
            }
            let text = dom.text_of(i, |k| dom.nodes[k].tag == Tag::Void);
            if text.chars().count() > 60 || text.is_empty() {
                return None;
            }
            let lower = text.to_lowercase();
            let is_update = ["update", "modified", "edited", "aktualisiert", "mis à jour"]
                .iter()
                .any(|w| lower.contains(w));
            if is_update != updated {
                return None;
            }
            written_date(&text)
                .or_else(|| normalize_date(&text).map(|d| d.chars().take(10).collect()))
        })
}

/// The beginnings of month names in English, French, German, Spanish, Italian, Portuguese and
/// Dutch, with their numbers; a word names a month when it starts with one of them.
const MONTHS: &[(&str, usize)] = &[
    ("jan", 1),
    ("ene", 1),
    ("gen", 1),
    ("feb", 2),
    ("fév", 2),
    ("fev", 2),
    ("mar", 3),
    ("mär", 3),
    ("apr", 4),
    ("avr", 4),
    ("abr", 4),
    ("may", 5),
    ("mai", 5),
    ("mag", 5),
    ("mei", 5),
    ("jun", 6),
    ("juin", 6),
    ("giu", 6),
    ("jul", 7),
    ("juil", 7),
    ("lug", 7),
    ("aug", 8),
    ("aoû", 8),
    ("ago", 8),
    ("sep", 9),
    ("set", 9),
    ("oct", 10),
    ("okt", 10),
    ("ott", 10),
    ("out", 10),
    ("nov", 11),
    ("dec", 12),
    ("déc", 12),
    ("dez", 12),
    ("dic", 12),
];

/// A date written out, as `YYYY-MM-DD`: with a month name ("September 4, 2025", "Sep. 4th
/// 2025", "4 September 2025", "1 de diciembre de 2017", "4. März 2025"), day first with dots
/// ("17.05.2021"), or in CJK style ("2025年12月18日").
fn written_date(text: &str) -> Option<String> {
    numeric_date(text)
        .or_else(|| cjk_date(text))
        .or_else(|| month_name_date(text))
}

/// `YYYY-MM-DD` of a year, month and day, when they can be a date.
fn ymd(y: usize, m: usize, d: usize) -> Option<String> {
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The number of a token of ASCII digits, when it has as many as `len` allows.
fn number(t: &str, len: std::ops::RangeInclusive<usize>) -> Option<usize> {
    (len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse::<usize>().ok())
        .flatten()
}

/// Day first with dots (17.05.2021); with slashes, either order when only one number can be the
/// month (2/24/2026, 24/2/2026).
fn numeric_date(text: &str) -> Option<String> {
    for t in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '(' | ')')) {
        let t = t.trim_end_matches('.');
        let dots: Vec<&str> = t.split('.').collect();
        if let [d, m, y] = dots[..]
            && let (Some(d), Some(m), Some(y)) =
                (number(d, 1..=2), number(m, 1..=2), number(y, 4..=4))
            && let Some(date) = ymd(y, m, d)
        {
            return Some(date);
        }
        let slashes: Vec<&str> = t.split('/').collect();
        if let [a, b, y] = slashes[..]
            && let (Some(a), Some(b), Some(y)) =
                (number(a, 1..=2), number(b, 1..=2), number(y, 4..=4))
            && (a > 12) != (b > 12)
            && let Some(date) = ymd(y, a.min(b), a.max(b))
        {
            return Some(date);
        }
    }
    None
}

/// CJK: 2025年12月18日, 2025년 12월 18일.
fn cjk_date(text: &str) -> Option<String> {
    let cjk: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for (at, _) in cjk.match_indices(['年', '년']) {
        let y = cjk[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        let rest = &cjk[at + 3..];
        let mut fields = rest.split(['月', '월', '日', '일']);
        if let (Some(m), Some(d)) = (fields.next(), fields.next())
            && let (Some(y), Some(m), Some(d)) = (
                number(&cjk[at - y..at], 4..=4),
                number(m, 1..=2),
                number(d, 1..=2),
            )
            && let Some(date) = ymd(y, m, d)
        {
            return Some(date);
        }
    }
    None
}

/// With a month name: the month before or after the day, then the year.
fn month_name_date(text: &str) -> Option<String> {
    let tokens: Vec<String> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | '/' | '[' | ']' | '(' | ')' | '|' | '·')
        })
        .filter(|t| !t.is_empty() && !matches!(*t, "de" | "of" | "del"))
        .map(str::to_lowercase)
        .collect();
    let month = |t: &str| {
        (t.chars().count() >= 3 && t.chars().count() <= 10 && t.chars().all(char::is_alphabetic))
            .then(|| {
                MONTHS
                    .iter()
                    .find(|(m, _)| t.starts_with(m))
                    .map(|&(_, n)| n)
            })
            .flatten()
    };
    let day = |t: &str| {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        number(digits, 1..=2)
    };
    let year = |t: &str| number(t, 4..=4);
    tokens.windows(3).find_map(|w| {
        let (y, m, d) = match (month(&w[0]), month(&w[1])) {
            (Some(m), _) => day(&w[1]).zip(year(&w[2])).map(|(d, y)| (y, m, d)),
            (None, Some(m)) => day(&w[0]).zip(year(&w[2])).map(|(d, y)| (y, m, d)),
            _ => None,
        }?;
        ymd(y, m, d)
    })
}

/// The publication date of `itemprop=datePublished` (or `published-date`), from its `content`
/// or `datetime`, else its text; ISO 8601 or written out.
fn itemprop_date(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len()).find_map(|i| {
        let element = dom.nodes[i].element?;
        let [itemprop, content, datetime] = attrs(element, ["itemprop", "content", "datetime"]);
        if itemprop.is_none_or(|p| !matches!(p, "datePublished" | "published-date")) {
            return None;
        }
        content
            .or(datetime)
            .map(str::to_owned)
            .or_else(|| Some(dom.text_of(i, |_| false)))
            .and_then(|d| any_date(&d))
    })
}

/// An ISO 8601 value as given when it starts with a valid date, else the `YYYY-MM-DD` date found
/// in `text` (also written with `/` or `.`); `None` when it holds no date.
fn normalize_date(text: &str) -> Option<String> {
    let text = text.trim();
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|start| {
        let d = &bytes[start..start + 10];
        let digits = |r: std::ops::Range<usize>| d[r].iter().all(u8::is_ascii_digit);
        let separator = d[4];
        let shaped = digits(0..4)
            && digits(5..7)
            && digits(8..10)
            && matches!(separator, b'-' | b'/' | b'.')
            && d[7] == separator;
        if !shaped {
            return None;
        }
        // All ten bytes are ASCII, so these slices fall on character boundaries.
        let number = |r: std::ops::Range<usize>| -> u32 {
            d[r].iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
        };
        let (month, day) = (number(5..7), number(8..10));
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        if start == 0 && separator == b'-' {
            return Some(text.to_owned());
        }
        Some(format!("{:04}-{month:02}-{day:02}", number(0..4)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;
    use crate::page::schema;

    /// The date of a page.
    struct Dated {
        date: Option<String>,
    }

    fn metadata_of(html: &str) -> Dated {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let metas = Metas::new(&dom);
        let date = date(&dom, &metas, schema::article(&metas.json_ld));
        Dated { date }
    }

    #[test]
    fn declared_dates_come_first_and_modified_dates_only_for_articles() {
        let m = metadata_of(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":"Jo",
              "datePublished":"2023-05-05T10:00:00+02:00"}</script>
            <meta property="article:published_time" content="2020-01-01">"#,
        );
        assert_eq!(m.date.as_deref(), Some("2023-05-05T10:00:00+02:00"));
        let m = metadata_of(r#"<body><time datetime="2021-02-03T04:05">Feb 3</time>"#);
        assert_eq!(m.date.as_deref(), Some("2021-02-03T04:05"));
        let changed = |t: &str| {
            metadata_of(&format!(
                r#"<script type="application/ld+json">{{"@type":"{t}","author":"Jo",
                  "dateModified":"2022-06-07"}}</script>"#
            ))
            .date
        };
        assert_eq!(changed("BlogPosting").as_deref(), Some("2022-06-07"));
        assert_eq!(changed("Product"), None);
    }

    #[test]
    fn word_automaton_builds() {
        assert!(DATE_WORDS.is_match("entry-Date"));
        assert!(!DATE_WORDS.is_match("entry-title"));
    }

    #[test]
    fn dates_are_normalised() {
        assert_eq!(
            normalize_date("2024-11-12T18:40:00Z").as_deref(),
            Some("2024-11-12T18:40:00Z")
        );
        assert_eq!(
            normalize_date("Posted 2024/11/12 by Jo").as_deref(),
            Some("2024-11-12")
        );
        assert_eq!(
            normalize_date("Опубликовано 2024.03.05").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(normalize_date("2024-13-40"), None);
        assert_eq!(normalize_date("no date, ünïcode"), None);
    }

    #[test]
    fn written_dates_in_other_languages_and_shapes() {
        assert_eq!(
            written_date("1 de diciembre de 2017 3:00 AM").as_deref(),
            Some("2017-12-01")
        );
        assert_eq!(
            written_date("Dienstag, 4. März 2025").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            written_date("le 12 janvier 2024").as_deref(),
            Some("2024-01-12")
        );
        assert_eq!(
            written_date("[Submitted on 18 Dec 2025]").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(written_date("17.05.2021").as_deref(), Some("2021-05-17"));
        assert_eq!(
            written_date("发布时间：2025年12月18日").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(
            written_date("Version 1.2.2021 notes"),
            Some("2021-02-01".to_owned())
        );
        assert_eq!(written_date("32.13.2021"), None);
        assert_eq!(
            written_date("Updated: 10/31/2024").as_deref(),
            Some("2024-10-31")
        );
        assert_eq!(written_date("24/2/2026").as_deref(), Some("2026-02-24"));
        assert_eq!(written_date("3/4/2026"), None); // March 4 or 3 April
        let m = metadata_of(
            r#"<body><span itemprop="published-date" content="Published Oct 20, 2025 at 5:00 PM PST">
            Oct 20</span>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-10-20"));
    }

    #[test]
    fn dates_in_url_paths() {
        assert_eq!(
            url_date("https://example.com/2025/09/04/top-trends/").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            url_date("https://lab.org/blog/2025-12-17-mini-engine").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(url_date("https://example.com/2025/12/only-month"), None);
        assert_eq!(url_date("https://example.com/item?id=2025-01-02"), None);
        let m = metadata_of(
            r#"<link rel="canonical" href="https://ex.com/2019/03/07/rain/"><body><h1>Rain</h1>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2019-03-07"));
    }

    #[test]
    fn unmarked_date_beside_the_headline() {
        let m = metadata_of(
            r#"<body><nav><p>Jan 1, 2020 sale</p></nav><div class="hero"><h1>Proofs as types</h1>
            <p class="muted">December 15, 2025</p></div><p>Text from 2001-01-01.</p>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-12-15"));
        // An update stamp beside the headline is the date only when nothing says "published".
        let m = metadata_of(
            r#"<meta property="og:type" content="article">
            <meta property="article:modified_time" content="2024-02-03T10:00:00Z">
            <body><h1>Webcams</h1><p>Last updated: November 13, 2025</p>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2024-02-03T10:00:00Z"));
        let m = metadata_of(
            r#"<body><h1>Webcams</h1><p>Updated 3/4/2024</p><p>Updated Nov 13, 2025</p>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-11-13"));
        let m = metadata_of(
            r#"<meta name="published" content="July 17, 2025">
            <meta property="article:modified_time" content="2025-08-01"><body><h1>Tools</h1>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-07-17"));
    }

    #[test]
    fn written_dates_in_date_elements() {
        assert_eq!(
            written_date("Posted September 4, 2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            written_date("4th Sept. 2025 at 10:00").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(written_date("May the 4th be with you"), None);
        let m = metadata_of(
            r#"<body><h1>Headline</h1><div class="post-date">Dec 19, 2025</div>
            <script>var d = "2001-01-01";</script>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-12-19"));
        let m = metadata_of(r#"<body><span class="updated-date">Dec 19, 2025</span>"#);
        assert_eq!(m.date, None);
    }

    #[test]
    fn date_in_json_ld_of_any_type() {
        let m = metadata_of(
            r#"<script type="application/ld+json">{"@context":{"@vocab":"http://schema.org"},
              "@type":"VideoObject","datePublished":"2024-12-06T22:00:40.000Z"}</script>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2024-12-06T22:00:40.000Z"));
    }
}
