//! The page's own address, and the host that groups a site's pages.

use crate::page::metas::Metas;

/// The page's own address: `<link rel=canonical>`, else `og:url`.
pub(crate) fn url(metas: &Metas<'_>) -> Option<String> {
    metas
        .canonical
        .or_else(|| metas.get("og:url"))
        .map(str::trim)
        .filter(|u| u.contains("://"))
        .map(str::to_owned)
}

/// Whether an address is below its site's home page: its path is more than `/`.
pub(crate) fn is_inner_page(url: &str) -> bool {
    url.split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
        .is_some_and(|path| path.trim_end_matches('/').len() > 1)
}

/// The host of a URL, lower-cased and without a leading `www.`: the key grouping a site's pages.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Dom, parse};

    fn url_of(head: &str) -> Option<String> {
        let doc = parse(&format!("<html><head>{head}</head><body></body></html>"));
        let dom = Dom::new(&doc);
        url(&Metas::new(&dom))
    }

    #[test]
    fn canonical_link_outranks_og_url() {
        assert_eq!(
            url_of(
                r#"<meta property="og:url" content="https://a.example/og">
                <link rel="canonical" href=" https://a.example/canonical ">"#
            )
            .as_deref(),
            Some("https://a.example/canonical")
        );
        assert_eq!(
            url_of(r#"<meta property="og:url" content="https://a.example/og">"#).as_deref(),
            Some("https://a.example/og")
        );
        // A relative address is no address of the page.
        assert_eq!(url_of(r#"<link rel="canonical" href="/news/1">"#), None);
    }

    #[test]
    fn inner_pages_have_a_path() {
        assert!(is_inner_page("https://blog.example/2016/05/post.html"));
        assert!(!is_inner_page("https://blog.example/"));
        assert!(!is_inner_page("https://blog.example"));
    }

    #[test]
    fn hosts_are_lower_cased_without_www() {
        assert_eq!(
            host_of("https://www.Example.org/a/b?c").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            host_of("http://user@news.example:8080/").as_deref(),
            Some("news.example")
        );
        assert_eq!(host_of("/relative/path"), None);
    }
}
