//! Code blocks as the common highlighters write them: the lines a reader copies, the language
//! declared anywhere in the highlighter's frame, and the gutters and chrome left out.

use crate::blocks::BlockKind;
use crate::removal::Reason;
use crate::{Config, Extraction, RenderOptions};

/// A documentation page with `code` between two paragraphs of prose.
fn page(code: &str) -> String {
    format!(
        "<html><head><title>Retries | gullwing docs</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/api\">API</a></nav><main><article>\
         <h1>Retries</h1><p>A request that fails with a transient error is sent again after a \
         pause that grows with each attempt, drawn at random so that clients do not retry in \
         step.</p>{code}<p>Retries stop early when the server answers with a status that will \
         not change, such as 404 or 422, and the error is raised to the caller.</p></article>\
         </main><footer>Copyright gullwing authors.</footer></body></html>"
    )
}

fn extract(code: &str) -> Extraction {
    let config = Config {
        include_title: false,
        ..Config::default()
    };
    crate::extract(&page(code), &config).expect("extracts")
}

/// The one code block of the page: its language and text.
fn code_block(page: &Extraction) -> (Option<String>, String) {
    let mut code = page.blocks.iter().filter_map(|b| match &b.kind {
        BlockKind::Code { language } => Some((language.clone(), b.text.clone())),
        _ => None,
    });
    let first = code.next().expect("a code block");
    assert!(code.next().is_none(), "one code block");
    first
}

/// The code block is `lines` in `language`, and no line of the text output is only a number
/// or a copy button's word.
#[track_caller]
fn assert_code(code: &str, language: Option<&str>, lines: &str) {
    let page = extract(code);
    assert_eq!(
        code_block(&page),
        (language.map(str::to_owned), lines.to_owned())
    );
    let text = page.text();
    assert!(
        !text
            .lines()
            .any(|l| l.trim().parse::<u32>().is_ok() || l.trim() == "Copy"),
        "{text}"
    );
    let fence = format!("```{}\n{lines}\n```", language.unwrap_or(""));
    let markdown = page.markdown(&RenderOptions::default());
    assert!(markdown.contains(&fence), "{markdown}");
}

fn chrome_recorded(page: &Extraction, what: &str) -> bool {
    page.removals
        .iter()
        .any(|r| matches!(r.reason, Reason::Chrome { what: w } if w == what))
}

const TWO_LINES: &str = "client = Client(retries=5)\nclient.get(\"/items\")";

#[test]
fn pygments_table_with_the_language_on_its_wrapper() {
    assert_code(
        r#"<div class="language-python highlight"><table class="highlighttable"><tr><td
        class="linenos"><div class="linenodiv"><pre><span class="normal">1</span>
<span class="normal">2</span></pre></div></td><td class="code"><div><pre><span></span><code><span
        class="n">client</span> <span class="o">=</span> Client(retries=5)
client.get(<span class="s2">"/items"</span>)
</code></pre></div></td></tr></table></div>"#,
        Some("python"),
        TWO_LINES,
    );
}

#[test]
fn pygments_inline_numbers_and_empty_counter_spans() {
    assert_code(
        r#"<div class="highlight"><pre><span></span><span class="linenos">1</span>client = Client(retries=5)
<span class="linenos">2</span>client.get("/items")</pre></div>"#,
        None,
        TWO_LINES,
    );
    // Numbers drawn by `::before` counters: the spans hold no text.
    assert_code(
        r#"<pre class="language-python"><code><span class="line-number" data-line="1"></span>client = Client(retries=5)
<span class="line-number" data-line="2"></span>client.get("/items")</code></pre>"#,
        Some("python"),
        TWO_LINES,
    );
}

#[test]
fn hugo_chroma_line_number_table() {
    assert_code(
        r#"<div class="highlight"><div class="chroma"><table class="lntable"><tr><td
        class="lntd"><pre tabindex="0" class="chroma"><code><span class="lnt">1
</span><span class="lnt">2
</span></code></pre></td><td class="lntd"><pre tabindex="0" class="chroma"><code
        class="language-go" data-lang="go"><span class="line"><span class="cl">client := New(5)
</span></span><span class="line"><span class="cl">client.Get("/items")
</span></span></code></pre></td></tr></table></div></div>"#,
        Some("go"),
        "client := New(5)\nclient.Get(\"/items\")",
    );
}

#[test]
fn prism_rows_and_a_copy_button() {
    assert_code(
        r#"<div class="code-toolbar"><pre class="line-numbers language-js"><code
        class="language-js">const client = new Client(5);
client.get("/items");<span aria-hidden="true" class="line-numbers-rows"><span></span><span></span></span></code></pre><div
        class="toolbar"><div class="toolbar-item"><button class="copy-to-clipboard-button"
        type="button"><span>Copy</span></button></div></div></div>"#,
        Some("js"),
        "const client = new Client(5);\nclient.get(\"/items\");",
    );
}

#[test]
fn languages_as_highlighters_declare_them() {
    let cases = [
        (r#"<pre class="lang-rb prettyprint">puts 1</pre>"#, "rb"),
        (
            r#"<div class="highlight highlight-source-js"><pre>run(1)</pre></div>"#,
            "js",
        ),
        (r#"<pre data-lang="yaml"><code>a: 1</code></pre>"#, "yaml"),
        (
            r#"<pre class="brush: js; gutter: false">run(1)</pre>"#,
            "js",
        ),
        (
            r#"<div class="highlight hl-ipython3"><pre>run(1)</pre></div>"#,
            "ipython3",
        ),
        (
            r#"<div class="highlight-console notranslate"><div class="highlight"><pre>$ run</pre></div></div>"#,
            "console",
        ),
    ];
    for (code, language) in cases {
        let page = extract(code);
        assert_eq!(code_block(&page).0.as_deref(), Some(language), "{code}");
    }
}

#[test]
fn docusaurus_token_lines_with_a_title_bar() {
    let page = extract(
        r#"<div class="language-js codeBlockContainer_Ckt0 theme-code-block"><div
        class="codeBlockTitle_Ktv7">client.js</div><div class="codeBlockContent_biex"><pre
        tabindex="0" class="prism-code language-js codeBlock_bY9V thin-scrollbar"><code
        class="codeBlockLines_e6Vv"><span class="token-line"><span class="token keyword">const</span><span
        class="token plain"> client </span><span class="token operator">=</span><span
        class="token plain"> connect</span><span class="token punctuation">()</span><br></span><span
        class="token-line"><span class="token plain" style="display:inline-block"></span><br></span><span
        class="token-line"><span class="token plain">client</span><span class="token punctuation">.</span><span
        class="token plain">close</span><span class="token punctuation">()</span><br></span></code></pre><div
        class="buttonGroup__atx"><button type="button" aria-label="Copy code to clipboard"
        class="clean-btn">Copy</button></div></div></div>"#,
    );
    assert_eq!(
        code_block(&page),
        (
            Some("js".to_owned()),
            "const client = connect()\n\nclient.close()".to_owned()
        )
    );
    assert!(!page.text().contains("client.js"), "{}", page.text());
    assert!(chrome_recorded(&page, "the title bar of a code block"));
}

#[test]
fn a_file_name_or_a_language_badge_before_the_code() {
    let page = extract(
        r#"<div class="highlight"><span class="filename">shell</span><pre><code>gullwing get --retries 5</code></pre></div>"#,
    );
    assert_eq!(code_block(&page).0.as_deref(), Some("shell"));
    assert!(!page.text().contains("shell\n"), "{}", page.text());
    let page = extract(
        r#"<div class="code-block"><div><span>Bash</span><button>Copy</button></div><pre><code>gullwing get --retries 5</code></pre></div>"#,
    );
    assert_eq!(code_block(&page).0.as_deref(), Some("bash"));
    assert!(!page.text().contains("Bash"), "{}", page.text());
    assert!(chrome_recorded(&page, "the language badge of a code block"));
}

#[test]
fn a_heading_before_the_code_in_the_article_is_kept() {
    let page = extract(
        r#"<h2>Python</h2><pre><code>client = Client(retries=5)</code></pre>
        <p>The same client in another language is a little longer, since it spells out the types.</p>
        <h2>Rust</h2><pre><code>let client = Client::new(5);</code></pre>"#,
    );
    let text = page.text();
    assert!(
        text.contains("Python\n") && text.contains("Rust\n"),
        "{text}"
    );
}

#[test]
fn line_rows_and_breaks_keep_their_lines() {
    assert_code(
        r#"<pre><div class="line">client = Client(retries=5)</div><div class="line">client.get("/items")</div></pre>"#,
        None,
        TWO_LINES,
    );
    assert_code(
        r#"<pre><code>client = Client(retries=5)<br>client.get("/items")</code></pre>"#,
        None,
        TWO_LINES,
    );
}

#[test]
fn inline_code_stays_in_its_paragraph() {
    let page = extract(
        r#"<p>Call <code class="language-python">client.<wbr>get(<span class="s">"/items"</span>)</code> to fetch the items, or <code>client.close()</code> when done with the connection.</p>"#,
    );
    let markdown = page.markdown(&RenderOptions::default());
    assert!(
        markdown.contains(
            "Call `client.get(\"/items\")` to fetch the items, or `client.close()` when done"
        ),
        "{markdown}"
    );
    assert!(
        !page
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Code { .. }))
    );
}

#[test]
fn anchor_links_of_headings_and_captions_are_left_out() {
    let page = extract(
        r##"<h2 id="the-schedule">The schedule<a href="#the-schedule" class="hash-link"
        aria-label="Direct link">&#8203;</a></h2><p>Each wait is drawn at random between zero and
        the capped step, so that the clients spread out.</p><h2 id="cap">The cap<a
        class="headerlink" href="#cap">¶</a></h2><div class="code-block-caption"><span
        class="caption-text">backoff.py</span><a class="headerlink" href="#id1">¶</a></div><div
        class="highlight-python"><div class="highlight"><pre>cap = 20.0</pre></div></div>"##,
    );
    let markdown = page.markdown(&RenderOptions::default());
    assert!(markdown.contains("# The schedule\n"), "{markdown}");
    assert!(markdown.contains("# The cap\n"), "{markdown}");
    assert!(markdown.contains("backoff.py\n"), "{markdown}");
    assert!(
        !markdown.contains('¶') && !markdown.contains('\u{200b}'),
        "{markdown}"
    );
    assert!(chrome_recorded(&page, "the anchor link of a heading"));
}
