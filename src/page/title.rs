//! The page's title: the article's own headline when the page has one that agrees with its
//! declarations, else a declared title with the site name cut off.

use crate::dom::{Dom, Tag};
use crate::page::address::{is_inner_page, url};
use crate::page::metas::Metas;
use crate::page::schema::{decode_entities, find_string};
use crate::text::collapse_whitespace;

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

/// Declared titles, most specific first: the first one present is the fallback title.
const TITLE_NAMES: &[&str] = &["dc.title", "dcterms.title", "og:title", "twitter:title"];

/// The title of the page, if it has one.
///
/// An `<h1>` wins when it agrees with a declared title (JSON-LD `headline`, OpenGraph, Twitter,
/// Dublin Core or `<title>`, or one of their parts between separators) and is not the site's
/// name; of several, the one that covers the most of a declared title. Else the first declared
/// title, with the site name cut off.
pub(crate) fn title(dom: &Dom<'_>, dead: &[bool], metas: &Metas<'_>) -> Option<String> {
    let declared = declared_titles(dom, metas);
    let h1s: Vec<usize> = (0..dom.len())
        .filter(|&i| !dead[i] && dom.nodes[i].tag == Tag::Heading(1))
        .take(8)
        .collect();
    let mastheads: Vec<String> = h1s.iter().filter_map(|&i| masthead(dom, i)).collect();
    let site_names: Vec<Vec<String>> = ["og:site_name", "application-name"]
        .iter()
        .filter_map(|k| metas.get(k))
        .chain(mastheads.iter().map(String::as_str))
        .map(words)
        .filter(|w| !w.is_empty())
        .collect();
    let headings = h1s
        .into_iter()
        .filter(|&i| masthead(dom, i).is_none())
        .map(|i| {
            // Without the permalink sign documentation generators put after headings.
            let h = dom.text_of(i, |k| dead[k]);
            h.trim_end_matches(['¶', '🔗']).trim_end().to_owned()
        })
        .filter(|h| !h.is_empty());
    best_heading(headings, &declared, &site_names).or_else(|| {
        // The page's own address says whether it is below the home page.
        let inner_page = url(metas).is_some_and(|u| is_inner_page(&u));
        declared
            .first()
            .map(|t| strip_site(t, &site_names, inner_page))
    })
}

/// The titles the page declares, most specific first: Dublin Core, OpenGraph, Twitter, the
/// JSON-LD `headline`, Parse.ly's, then `<title>`.
fn declared_titles(dom: &Dom<'_>, metas: &Metas<'_>) -> Vec<String> {
    let clean = |t: &str| Some(collapse_whitespace(t)).filter(|t| !t.is_empty());
    let page_title = dom
        .find(Tag::Title)
        .map(|i| dom.text_of(i, |_| false))
        .filter(|t| !t.is_empty());
    let headline = find_string(&metas.json_ld, "headline").and_then(|h| clean(&decode_entities(h)));
    TITLE_NAMES
        .iter()
        .filter_map(|k| metas.get(k).and_then(clean))
        .chain(headline)
        .chain(metas.get("parsely-title").and_then(clean))
        .chain(page_title)
        .collect()
}

/// The heading that fits a declared title best (see [`fit`]), not counting the site's name.
fn best_heading(
    headings: impl Iterator<Item = String>,
    declared: &[String],
    site_names: &[Vec<String>],
) -> Option<String> {
    // The words of the declared titles and of their parts, read once for all the headings.
    let last_parts: Vec<Vec<String>> = declared
        .iter()
        .filter_map(|t| {
            let parts = split_parts(t);
            (parts.len() > 1).then(|| parts.last().map(|p| words(p)))?
        })
        .collect();
    let titles: Vec<Vec<String>> = declared
        .iter()
        .flat_map(|t| std::iter::once(t.as_str()).chain(split_parts(t)))
        .map(words)
        .collect();
    let mut best: Option<(f64, String)> = None;
    for h in headings {
        let h_words = words(&h);
        if h_words.is_empty() || site_names.contains(&h_words) || last_parts.contains(&h_words) {
            continue;
        }
        let fit = titles
            .iter()
            .map(|t| fit_words(&h_words, t))
            .fold(0.0, f64::max);
        if fit > best.as_ref().map_or(0.0, |b| b.0) {
            best = Some((fit, h));
        }
    }
    best.map(|(_, h)| h)
}

/// The site's name, when this heading is a masthead: all its text is a link to the site's home
/// page, as blogs and forums put their name in an `<h1>` above the article's own.
fn masthead(dom: &Dom<'_>, heading: usize) -> Option<String> {
    let text = dom.text_of(heading, |_| false);
    let home = |href: &str| {
        let href = href.trim();
        let path = href
            .split_once("://")
            .map_or(Some(href), |(_, rest)| rest.find('/').map(|at| &rest[at..]));
        path.is_none_or(|p| matches!(p, "/" | "./" | "/index.html" | "/index.php" | ""))
    };
    (heading + 1..dom.nodes[heading].end)
        .filter(|&a| dom.nodes[a].tag == Tag::A && dom.attr(a, "href").is_some_and(home))
        .any(|a| words(&dom.text_of(a, |_| false)) == words(&text))
        .then_some(text)
        .filter(|t| !words(t).is_empty())
}

/// The lower-cased words of a text.
fn words(s: &str) -> Vec<String> {
    crate::text::words(s).collect()
}

/// Whether a heading and a title name the same thing: most of the heading's words are in it.
fn agrees(heading: &[String], title: &[String]) -> bool {
    if heading.is_empty() {
        return false;
    }
    let shared = heading.iter().filter(|w| title.contains(w)).count();
    shared * 4 >= heading.len() * 3 && shared * 2 >= title.len().min(heading.len())
}

/// How well a heading matches a declared title, from 0 (not at all) to 1 (the same words): the
/// share of the longer one's words they have in common. A heading that covers less than a third
/// of the title still counts (0.3) when the title starts with it, as a product name starts a
/// product page's title. Both are given as their [`words`].
fn fit_words(heading: &[String], title: &[String]) -> f64 {
    if title.is_empty() || !agrees(heading, title) {
        return 0.0;
    }
    let shared = heading.iter().filter(|w| title.contains(w)).count();
    #[allow(clippy::cast_precision_loss)] // word counts are small
    let share = shared as f64 / heading.len().max(title.len()) as f64;
    if share >= 0.3 {
        share
    } else if title.starts_with(heading) {
        0.3
    } else {
        0.0
    }
}

/// [`fit_words`] of a heading and a title.
#[cfg(test)]
fn fit(heading: &str, title: &str) -> f64 {
    fit_words(&words(heading), &words(title))
}

/// The parts of a title between the first kind of separator it has, trimmed.
fn split_parts(title: &str) -> Vec<&str> {
    SEPARATORS
        .iter()
        .find(|sep| title.contains(*sep))
        .map(|sep| title.split(sep).map(str::trim).collect())
        .unwrap_or_else(|| vec![title.trim()])
}

/// Cuts a site name off a title: a leading "Site Name: " on a page below the home page (a home
/// page's "Figma: The Collaborative Interface Design Tool" is its title), else drops the parts
/// that are the site's name, then keeps the longest part left.
fn strip_site(title: &str, site_names: &[Vec<String>], inner_page: bool) -> String {
    if let Some((site, rest)) = title.split_once(": ")
        && inner_page
        && site_names.contains(&words(site))
        && !words(rest).is_empty()
    {
        return rest.trim().to_owned();
    }
    let parts = split_parts(title);
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| !site_names.contains(&words(p)))
        .collect();
    let parts = if kept.is_empty() { parts } else { kept };
    parts
        .iter()
        .copied()
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn title_of(html: &str) -> Option<String> {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let dead = vec![false; dom.len()];
        title(&dom, &dead, &Metas::new(&dom))
    }

    #[test]
    fn headline_that_agrees_with_title_wins() {
        let t = title_of(
            "<title>Rain falls on the plain | Daily Site</title><h1>Site logo</h1><h1>Rain falls on the plain</h1>",
        );
        assert_eq!(t.as_deref(), Some("Rain falls on the plain"));
    }

    #[test]
    fn site_name_is_cut_from_title() {
        let t = title_of("<title>Daily Site - Rain falls on the plain again</title><h1>Menu</h1>");
        assert_eq!(t.as_deref(), Some("Rain falls on the plain again"));
    }

    #[test]
    fn dublin_core_title_is_the_fallback_and_properties_may_be_space_separated() {
        let t = title_of(
            r#"<title>Title Element</title><meta property="x:title dc:title" content="Preferred title">
            <meta property="og:title twitter:title" content="A title"><h1>Unrelated heading</h1>"#,
        );
        assert_eq!(t.as_deref(), Some("Preferred title"));
    }

    #[test]
    fn headline_agreeing_with_json_ld_wins_over_og_title() {
        let t = title_of(
            r#"<script type="application/ld+json">{"@type":"NewsArticle",
              "headline":"The Best Tax Prep Software of 2025"}</script>
            <meta property="og:title" content="Best Tax Preparation Software | Accounting Site">
            <h1>The Best Tax Prep Software of 2025</h1>"#,
        );
        assert_eq!(t.as_deref(), Some("The Best Tax Prep Software of 2025"));
    }

    #[test]
    fn masthead_heading_linking_home_is_the_site_name() {
        let page = |canonical: &str| {
            format!(
                r#"<link rel="canonical" href="{canonical}">
                <title>Silicon Exposed: Open Verilog flow for GreenPak4 devices</title>
                <div class="header"><h1 class="title"><a href="https://siliconexposed.example/">
                Silicon Exposed</a></h1></div><h3 class="post-title">Open Verilog flow</h3>"#
            )
        };
        let t = title_of(&page(
            "https://siliconexposed.example/2016/05/open-verilog.html",
        ));
        assert_eq!(
            t.as_deref(),
            Some("Open Verilog flow for GreenPak4 devices")
        );
        // A home page's "Name: tagline" title is its title.
        let t = title_of(&page("https://siliconexposed.example/"));
        assert_eq!(
            t.as_deref(),
            Some("Silicon Exposed: Open Verilog flow for GreenPak4 devices")
        );
        // A heading linking home only in part is the headline.
        let t = title_of(r#"<title>Rain again | Blog</title><h1><a href="/">Rain</a> again</h1>"#);
        assert_eq!(t.as_deref(), Some("Rain again"));
    }

    #[test]
    fn permalink_sign_is_not_part_of_the_heading() {
        let t = title_of(
            r##"<title>Logging HOWTO — Python 3 documentation</title>
            <h1>Logging HOWTO<a class="headerlink" href="#logging-howto">¶</a></h1>"##,
        );
        assert_eq!(t.as_deref(), Some("Logging HOWTO"));
    }

    #[test]
    fn heading_that_is_the_site_name_loses() {
        let t = title_of(
            "<title>Discuss the 7.1 release here - Example Forum</title><h1>Example Forum</h1>",
        );
        assert_eq!(t.as_deref(), Some("Discuss the 7.1 release here"));
        let t = title_of(
            r#"<meta property="og:site_name" content="Pest Services"><title>Coupons | Pest Services</title>"#,
        );
        assert_eq!(t.as_deref(), Some("Coupons"));
    }

    #[test]
    fn fit_prefers_the_same_words() {
        assert!((fit("Rain in Spain", "Rain in Spain") - 1.0).abs() < 1e-9);
        assert!(
            (fit(
                "Trail pack",
                "Trail pack for long days on the hills, in any weather"
            ) - 0.3)
                .abs()
                < 1e-9
        );
        assert_eq!(fit("Menu", "Rain in Spain"), 0.0);
        assert_eq!(split_parts("A | B | C"), ["A", "B", "C"]);
        let site = [words("Daily Site")];
        assert_eq!(
            strip_site("Daily Site: Rain again", &site, true),
            "Rain again"
        );
        assert_eq!(
            strip_site("Daily Site: Rain again", &site, false),
            "Daily Site: Rain again"
        );
    }
}
