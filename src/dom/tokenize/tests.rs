//! The tokenizer makes the tree html5ever's own makes: checked on hand-written tricky markup
//! (every state and its end at the end of the page), on random sequences of fragments, on the
//! sample pages and (an ignored test) on every page of the shared sets.

use proptest::prelude::*;

use super::super::{parse, parse_with_html5ever};

#[track_caller]
fn assert_same(html: &str) {
    let (ours, theirs) = (parse(html).dump(), parse_with_html5ever(html).dump());
    if ours != theirs {
        let line = ours
            .lines()
            .zip(theirs.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let show = |s: &str| {
            s.lines()
                .skip(line.saturating_sub(2))
                .take(5)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "trees differ for {html:?} at line {line}:\nours:\n{}\nhtml5ever's:\n{}",
            show(&ours),
            show(&theirs)
        );
    }
}

/// Markup for each state and odd case of the tokenizer.
const CASES: &[&str] = &[
    // Character references.
    "&amp; &amp &ampx &notit; &notin; &not &noti &#65; &#x41; &#X41 &#65a &#; &#x; &# &",
    "<a href=x&amp=y title='a&ampb' alt=\"&amp;\" id=&lt;&gt x=&notit y=&not;>t</a>",
    "&#0; &#x0; &#128; &#x80; &#x81; &#xD800; &#xDFFF; &#x110000; &#99999999999999999999; &#x1F;",
    "&#13; &#x0D; &#xFDD0; &#xFFFE; &#x1FFFF; &#127; &#x9F; &#10; &#11; &#12;",
    "&NotNestedGreaterGreater; &nGt; &acE; &bne; &fjlig; &AElig &AEligx &Aacute;",
    "&zzzzz; &zzz &x; &amp;amp; &&&; &#38;amp;",
    "<p title=&zzz;>&AMP &COPY; &Copy &copy</p>",
    // Tags and attributes.
    "<a/b> <a / b = c> <div class=\"x\"class='y'> <p =x> <p a='1'b> <p a=1/> <br/>",
    "< p> </> </ p> <3 <a<b> <A HREF=X>Up</A> <dIv ClAsS=Q>q</DiV>",
    "<p a b c d=e f = 'g' h=\"i\">x</p attr=1 / >",
    "<div id=1 id=2 ID=3 class=a CLASS=b>dups</div>",
    "<p \"a\"='1' 'b'=2 <c=3 `d`=4>quotes in names</p>",
    "<p a=b\"c d=e'f g=h<i j=k=l m=n`o>unquoted oddities</p>",
    "<tàg àttr=vàl>non-ascii</tàg> <ä> <svg><ünï/></svg>",
    "<p a\u{0}b=c\u{0}d>nul in attrs</p\u{0}> <d\u{0}iv>x",
    "<img src=a alt=b/><input value='a\nb'><p\nclass\n=\nx\n>newlines</p>",
    // Comments.
    "<!----> <!---> <!--> <!-- --> <!-- a -- b --> <!-- a --!> b <!--a--!-->c",
    "<!-- <!-- nested --> x <!--<!--> y <!-- <!- --> z <!--<!---->",
    "<!-- a -!> b --> <!-- ->--> <!--- a ---> <!--x--->y",
    "<!-- ends --!x --> <!-- ---!> --> c",
    "<!x> <!> <?xml version=1?> <?pi> </3> <!DOCTYPEx> <!-x>",
    // Doctypes.
    "<!DOCTYPE html><p>standard</p><table><p>in table",
    "<!doctype html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><p><table>",
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>quirks<table>t</table>",
    "<!DOCTYPE html PUBLIC '-//W3O//DTD W3 HTML Strict 3.0//EN//'><p><table>",
    "<!DOCTYPE html SYSTEM \"http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd\"><p><table>",
    "<!DOCTYPE><p><table>",
    "<!DOCTYPE html x><p><table>",
    "<!DOCTYPE html PUBLIC\"-//W3C//DTD HTML 4.01//EN\"\"x\"><p><table>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Frameset//EN\"><p><table>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Frameset//EN\" x><p><table>",
    "<!DOCTYPE html PUBLIC \"a>\"<p><table>",
    "<!DOCTYPE html SYSTEM 'about:legacy-compat' junk><p><table>",
    "<!DOCTYPE html PUBLIC><p><table>",
    "<!DOCTYPE html public \"-//IETF//DTD HTML//\" SYSTEM><p><table>",
    "<!DOCTYPE HtMl><p><table>",
    "<!DOCTYPE \u{0}x><p><table>",
    "<!DOCTYPE html PUBLIC \"\" \"\"><p><table>",
    "<!DOCTYPE html SYSTEM \"x\"\"y\"><p><table>",
    // Raw text, RCDATA, script data.
    "<script><!--<script></script>--></script>after",
    "<script><!--<script>x</script>y--></script>after",
    "<script><!-- x --></script>after <script>a<!-b</script> <script>a<!--b-->c</script>",
    "<script><!--<SCRIPT >x</SCRIPT >-->x</script>after",
    "<script>a</script >b<script>c</script/>d<script>e</script\tx=y>f",
    "<script>a</scripty></script>b<script></scr</script>c",
    "<script><!--a<b</c--><</script>d",
    "<script><!--<script>--><!--</script>--></script>after",
    "<script><!--<script>--></script><p>e</p>",
    "<script><!--<scripts>--></script><p>e</p>",
    "<script><!-- -- - -> <a -- ></script>x",
    "<script>\u{0}</script><style>\u{0}a</style><title>\u{0}&amp;</title>",
    "<style>p { } </style x> <p>a</p> </style>",
    "<title>a &amp; <b>b</b></title ><title>x</TITLE>",
    "<textarea>\nfirst</textarea><textarea>\n\nsecond</textarea><textarea>&#10;third</textarea>",
    "<textarea>&#10x</textarea><textarea></textarea>",
    "<pre>\nx</pre><pre>&#10;y</pre><pre>&#10z</pre><pre></>\nw</pre><pre><!---->\nv</pre>",
    "<pre>&NewLine;u</pre><pre>\r\nt</pre><pre>\rs</pre><listing>\nr</listing>",
    "<xmp><p>raw</xmp><iframe><b>x</iframe><noembed>a</noembed><noframes>b</noframes>",
    "<plaintext>everything </plaintext> <p> is text",
    "<noscript><p>markup</p></noscript>",
    // Foreign content and CDATA.
    "<svg><![CDATA[x<y]]></svg><![CDATA[not]]><math><![CDATA[a]]]>b]]>c</math>",
    "<svg><![CDATA[unterminated",
    "<svg><![CDATA[\u{0}a]]></svg>",
    "<svg><foreignObject><![CDATA[html]]></foreignObject></svg>",
    "<math><mi><![CDATA[x]]></mi></math>",
    // NULs, line breaks, byte order marks.
    "a\u{0}b<p>\u{0}</p><table>\u{0}x</table>",
    "a\r\nb\rc\n\rd<p\rclass=x\r\ny>e</p>&amp\r\n",
    "\u{feff}<p>bom</p>\u{feff}x",
    "<script></script>\u{feff}x<meta charset=utf-8>\u{feff}y",
    // Tables and whitespace.
    "<table> <tr> <td>a</td> </tr>x \n</table>",
    "<table>\n<!-- c -->\n<tr><td>a &amp; b</td></tr></table>",
    "<table>a&amp;b<tr><td>c</table>",
    // The end of the page in each state.
    "<",
    "</",
    "<a",
    "<a ",
    "<a b",
    "<a b ",
    "<a b=",
    "<a b='",
    "<a b='c",
    "<a b=c",
    "<a b='c'",
    "<a /",
    "<!",
    "<!-",
    "<!--",
    "<!---",
    "<!-- x",
    "<!-- x -",
    "<!-- x --",
    "<!-- x --!",
    "<!--<",
    "<!--<!",
    "<!--<!-",
    "<!--<!--",
    "<!d",
    "<!doctype",
    "<!doctype ",
    "<!doctype x",
    "<!doctype x ",
    "<!doctype x p",
    "<!doctype x public",
    "<!doctype x public ",
    "<!doctype x public '",
    "<!doctype x public 'a",
    "<!doctype x public 'a'",
    "<!doctype x public 'a' ",
    "<!doctype x public 'a' 'b",
    "<!doctype x system 'b' ",
    "<!doctype x y",
    "<?",
    "&",
    "&#",
    "&#x",
    "&#1",
    "&am",
    "&amp",
    "&notin",
    "&#x1",
    "<script>",
    "<script><",
    "<script></",
    "<script></sc",
    "<script></script",
    "<script><!",
    "<script><!-",
    "<script><!--",
    "<script><!--<",
    "<script><!--<s",
    "<script><!--<script",
    "<script><!--<script>",
    "<script><!--<script><",
    "<script><!--<script></",
    "<script><!--<script></script",
    "<script><!--<script>-",
    "<script><!--<script>--",
    "<script><!---",
    "<script><!-- -",
    "<title>",
    "<title><",
    "<title></",
    "<title></ti",
    "<title></title",
    "<svg><![CDATA[",
    "<svg><![CDATA[]",
    "<svg><![CDATA[]]",
    "<plaintext>",
    "<p>a&",
    "<textarea>&#10",
    // Long and odd.
    "&#xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF; &#1234567890123456789012345678901234567890",
    "<p>a</p\u{0}> <p>b</p/> <p>c</p/x>",
    "<svg><path d=1 /><ABC/><foreignObject><Div>x</Div></foreignObject></svg>",
    "<a href='x'>&copy 2024 &middot; rights</a><p>&nbsp;&nbsp</p>",
];

#[test]
fn the_tree_is_html5evers_on_tricky_markup() {
    for html in CASES {
        assert_same(html);
    }
}

#[test]
fn the_tree_is_html5evers_on_long_runs_of_one_construct() {
    let n = 2_000;
    for html in [
        "&amp".repeat(n),
        format!("<a {}>", "b=&notin ".repeat(n)),
        "<!--".repeat(n),
        format!("<script><!--<script>{}</script>", "<!--".repeat(n)),
        format!("&#{}", "9".repeat(n)),
        format!("<textarea>{}", "</texta".repeat(n)),
        format!("<svg><![CDATA[{}", "]".repeat(n)),
        format!("<!DOCTYPE {}", "x".repeat(n)),
        format!("<p{}", "\0".repeat(n)),
        format!("&{};", "z".repeat(n)),
        "<a b='".repeat(n),
    ] {
        assert_same(&html);
    }
}

#[test]
fn the_tree_is_html5evers_on_the_sample_pages() {
    for html in crate::dom::sample_pages() {
        assert_same(&html);
        assert_same(&crate::input::prepare(&html));
    }
}

/// Pieces that random pages are made of: every kind of token, and the bytes that change state.
const PIECES: &[&str] = &[
    "<",
    ">",
    "/",
    "!",
    "-",
    "--",
    "&",
    "#",
    ";",
    "=",
    "\"",
    "'",
    " ",
    "\n",
    "\r",
    "\t",
    "\0",
    "a",
    "B",
    "x",
    "é",
    "amp",
    "amp;",
    "notin",
    "#10",
    "#x41;",
    "lt",
    "script",
    "SCRIPT",
    "<p>",
    "</p>",
    "<pre>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "--!>",
    "<!",
    "<?",
    "</",
    "<svg>",
    "</svg>",
    "<math>",
    "<![CDATA[",
    "]]>",
    "]",
    "<table>",
    "<tr>",
    "<td>",
    "<!DOCTYPE html>",
    "<!DOCTYPE ",
    "PUBLIC ",
    "SYSTEM ",
    "<a href=",
    "x=y",
    "<b>",
    "</b>",
    "<plaintext>",
    "<xmp>",
    "<iframe>",
    "<listing>",
    "<template>",
    "</template>",
    "<select>",
    "<option>",
    "\u{feff}",
    "<div class=",
    "<img src=x/>",
    "<br>",
    "<li>",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_tree_is_html5evers_on_random_fragments(pieces in prop::collection::vec(0..PIECES.len(), 0..40)) {
        let html: String = pieces.iter().map(|&i| PIECES[i]).collect();
        assert_same(&html);
    }

    #[test]
    fn the_tree_is_html5evers_on_character_soup(html in "[<>/!?&#;=\"' \n\r\t\x0c\x00a-eA-Epstxy0-9é€\u{feff}\\[\\]-]{0,60}") {
        assert_same(&html);
    }
}

/// The page files under `dir` and its subdirectories (`.html` and `.html.gz`).
fn pages_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let name = path.to_string_lossy();
        if path.is_dir() {
            pages_under(&path, out);
        } else if name.ends_with(".html") || name.ends_with(".html.gz") {
            out.push(path);
        }
    }
}

/// A page file (decompressed if it ends in `.gz`), decoded as the pipeline decodes it.
fn read_page(path: &std::path::Path) -> Option<String> {
    use std::io::Read;
    let raw = std::fs::read(path).ok()?;
    let bytes = if path.to_string_lossy().ends_with(".gz") {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .ok()?;
        bytes
    } else {
        raw
    };
    Some(crate::input::decode::decode(&bytes, None).text.into_owned())
}

/// Every page of the shared sets (where they are), raw and cut as the pipeline cuts them:
/// `cargo test --lib shared_pages -- --ignored --nocapture`.
#[test]
#[ignore]
fn the_tree_is_html5evers_on_the_shared_pages() {
    let mut paths = Vec::new();
    for dir in ["/work/shared/datasets", "/work/eval-base/cache"] {
        pages_under(std::path::Path::new(dir), &mut paths);
    }
    let mut pages = 0;
    for path in &paths {
        let Some(html) = read_page(path) else {
            continue;
        };
        assert_same(&html);
        assert_same(&crate::input::prepare(&html));
        pages += 1;
    }
    eprintln!("{pages} pages: same trees");
}
