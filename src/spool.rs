//! A compact binary form of an [`Extraction`], for a batch that keeps its pages on disk between
//! the two passes of the cross-page dedup instead of in memory.
//!
//! The form holds what the text, Markdown, HTML and JSON views read: the blocks with their
//! spans, the title, the addresses, the metadata, the encoding and the counts of removed blocks.
//! It leaves out the record of removed nodes and the explain view, so a page read back has
//! neither: the views that show them need the page itself. Nodes are written as their index in
//! the page, so blocks that shared a node (the rows of one table) still share one, in the same
//! order.

use std::io;

use crate::blocks::{Block, BlockKind, NodeId, Span, Style};
use crate::extraction::Extraction;
use crate::page::metadata::Metadata;

impl Extraction {
    /// Appends the page's compact form to `out`; [`Extraction::from_spool`] reads it back.
    pub fn to_spool(&self, out: &mut Vec<u8>) {
        // Named field by field, so that a new field cannot be left out unnoticed.
        let Extraction {
            title,
            blocks,
            removals: _,
            url,
            encoding,
            page: _,
            metadata,
            base_href,
            removed,
            comments,
        } = self;
        let mut w = Writer { out };
        w.opt(title.as_deref());
        w.opt(url.as_deref());
        w.opt(base_href.as_deref());
        w.str(encoding);
        w.num(removed.0);
        w.num(removed.1);
        w.metadata(metadata);
        for blocks in [blocks, comments] {
            w.num(blocks.len());
            for block in blocks {
                w.block(block);
            }
        }
    }

    /// Reads a page written by [`Extraction::to_spool`]; its removal record and explain view are
    /// empty.
    pub fn from_spool(bytes: &[u8]) -> io::Result<Extraction> {
        let mut r = Reader { bytes };
        let title = r.opt()?;
        let url = r.opt()?;
        let base_href = r.opt()?;
        let encoding = encoding_rs::Encoding::for_label(r.str()?.as_bytes())
            .map_or("UTF-8", encoding_rs::Encoding::name);
        let removed = (r.num()?, r.num()?);
        let metadata = r.metadata()?;
        let blocks = r.blocks()?;
        let comments = r.blocks()?;
        if !r.bytes.is_empty() {
            return Err(invalid());
        }
        Ok(Extraction {
            title,
            blocks,
            removals: Vec::new(),
            url,
            encoding,
            page: Vec::new(),
            metadata,
            base_href,
            removed,
            comments,
        })
    }
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    fn num(&mut self, n: usize) {
        // LEB128: most numbers here take one byte.
        let mut n = n as u64;
        while n >= 0x80 {
            self.out.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.out.push(n as u8);
    }

    fn str(&mut self, s: &str) {
        self.num(s.len());
        self.out.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.out.push(0),
            Some(s) => {
                self.out.push(1);
                self.str(s);
            }
        }
    }

    fn strs(&mut self, list: &[String]) {
        self.num(list.len());
        for s in list {
            self.str(s);
        }
    }

    fn node(&mut self, node: NodeId) {
        self.num(node.index());
    }

    fn metadata(&mut self, metadata: &Metadata) {
        let Metadata {
            authors,
            byline,
            date,
            site_name,
            language,
            description,
            image,
            tags,
        } = metadata;
        self.strs(authors);
        for field in [byline, date, site_name, language, description, image] {
            self.opt(field.as_deref());
        }
        self.strs(tags);
    }

    fn block(&mut self, block: &Block) {
        let Block {
            kind,
            text,
            node,
            spans,
        } = block;
        self.kind(kind);
        self.str(text);
        self.node(*node);
        self.num(spans.len());
        for Span { start, end, style } in spans {
            self.num(*start);
            self.num(*end);
            match style {
                Style::Emphasis => self.out.push(0),
                Style::Strong => self.out.push(1),
                Style::Code => self.out.push(2),
                Style::Link { href } => {
                    self.out.push(3);
                    self.str(href);
                }
                Style::Image { src, alt } => {
                    self.out.push(4);
                    self.str(src);
                    self.str(alt);
                }
                Style::Math { display, mathml } => {
                    self.out.extend([5, u8::from(*display)]);
                    self.opt(mathml.as_deref());
                }
                Style::FootnoteRef { label, id } => {
                    self.out.push(6);
                    self.str(label);
                    self.opt(id.as_deref());
                }
                Style::FootnoteNote { label, id } => {
                    self.out.push(7);
                    self.str(label);
                    self.str(id);
                }
                Style::FootnoteBack => self.out.push(8),
            }
        }
    }

    fn kind(&mut self, kind: &BlockKind) {
        match kind {
            BlockKind::Title => self.out.push(0),
            BlockKind::Heading { level } => self.out.extend([1, *level]),
            BlockKind::Paragraph => self.out.push(2),
            BlockKind::ListItem {
                depth,
                number,
                continued,
            } => {
                self.out.extend([3, *depth, u8::from(*continued)]);
                self.opt_num(number.map(|n| n as usize));
            }
            BlockKind::Quote { depth } => self.out.extend([4, *depth]),
            BlockKind::Code { language } => {
                self.out.push(5);
                self.opt(language.as_deref());
            }
            BlockKind::TableRow {
                cells,
                header,
                colspans,
                table,
            } => {
                self.out.extend([6, u8::from(*header)]);
                self.strs(cells);
                self.num(colspans.len());
                for &span in colspans {
                    self.num(usize::from(span));
                }
                self.node(*table);
            }
            BlockKind::Caption => self.out.push(7),
            BlockKind::Rule => self.out.push(8),
        }
    }

    fn opt_num(&mut self, n: Option<usize>) {
        match n {
            None => self.out.push(0),
            Some(n) => {
                self.out.push(1);
                self.num(n);
            }
        }
    }
}

fn invalid() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "a spooled page is damaged")
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> io::Result<u8> {
        let (&first, rest) = self.bytes.split_first().ok_or_else(invalid)?;
        self.bytes = rest;
        Ok(first)
    }

    fn num(&mut self) -> io::Result<usize> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return usize::try_from(n).map_err(|_| invalid());
            }
        }
        Err(invalid())
    }

    fn str(&mut self) -> io::Result<String> {
        let len = self.num()?;
        if len > self.bytes.len() {
            return Err(invalid());
        }
        let (text, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        String::from_utf8(text.to_vec()).map_err(|_| invalid())
    }

    fn opt(&mut self) -> io::Result<Option<String>> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(invalid()),
        }
    }

    fn opt_num(&mut self) -> io::Result<Option<usize>> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.num().map(Some),
            _ => Err(invalid()),
        }
    }

    /// A count, then that many items read by `item`; the capacity is bounded by the bytes left,
    /// so a corrupt count cannot ask for more memory than the spool holds.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> io::Result<T>) -> io::Result<Vec<T>> {
        let count = self.num()?;
        let mut list = Vec::with_capacity(count.min(self.bytes.len()));
        for _ in 0..count {
            list.push(item(self)?);
        }
        Ok(list)
    }

    fn strs(&mut self) -> io::Result<Vec<String>> {
        self.list(Self::str)
    }

    /// The node with the number read next: a fresh id for the next number, else the one given.
    fn node(&mut self) -> io::Result<NodeId> {
        let n = self.num()?;
        u32::try_from(n).map_err(|_| invalid())?;
        Ok(NodeId::at(n))
    }

    fn metadata(&mut self) -> io::Result<Metadata> {
        let authors = self.strs()?;
        let mut fields = [(); 6].map(|()| None);
        for field in &mut fields {
            *field = self.opt()?;
        }
        let [byline, date, site_name, language, description, image] = fields;
        Ok(Metadata {
            authors,
            byline,
            date,
            site_name,
            language,
            description,
            image,
            tags: self.strs()?,
        })
    }

    /// A count, then that many blocks.
    fn blocks(&mut self) -> io::Result<Vec<Block>> {
        self.list(Self::block)
    }

    fn block(&mut self) -> io::Result<Block> {
        let kind = self.kind()?;
        let text = self.str()?;
        let node = self.node()?;
        let spans = self.list(Self::span)?;
        Ok(Block {
            kind,
            text,
            node,
            spans,
        })
    }

    fn span(&mut self) -> io::Result<Span> {
        let (start, end) = (self.num()?, self.num()?);
        let style = match self.byte()? {
            0 => Style::Emphasis,
            1 => Style::Strong,
            2 => Style::Code,
            3 => Style::Link { href: self.str()? },
            4 => Style::Image {
                src: self.str()?,
                alt: self.str()?,
            },
            5 => Style::Math {
                display: self.byte()? != 0,
                mathml: self.opt()?,
            },
            6 => Style::FootnoteRef {
                label: self.str()?,
                id: self.opt()?,
            },
            7 => Style::FootnoteNote {
                label: self.str()?,
                id: self.str()?,
            },
            8 => Style::FootnoteBack,
            _ => return Err(invalid()),
        };
        Ok(Span { start, end, style })
    }

    fn kind(&mut self) -> io::Result<BlockKind> {
        Ok(match self.byte()? {
            0 => BlockKind::Title,
            1 => BlockKind::Heading {
                level: self.byte()?,
            },
            2 => BlockKind::Paragraph,
            3 => BlockKind::ListItem {
                depth: self.byte()?,
                continued: self.byte()? != 0,
                number: self
                    .opt_num()?
                    .map(|n| u32::try_from(n).map_err(|_| invalid()))
                    .transpose()?,
            },
            4 => BlockKind::Quote {
                depth: self.byte()?,
            },
            5 => BlockKind::Code {
                language: self.opt()?,
            },
            6 => self.table_row()?,
            7 => BlockKind::Caption,
            8 => BlockKind::Rule,
            _ => return Err(invalid()),
        })
    }

    fn table_row(&mut self) -> io::Result<BlockKind> {
        let header = self.byte()? != 0;
        let cells = self.strs()?;
        let colspans = self.list(|r| u16::try_from(r.num()?).map_err(|_| invalid()))?;
        Ok(BlockKind::TableRow {
            cells,
            header,
            colspans,
            table: self.node()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Extraction, RecordExtras, RenderOptions, extract};

    #[test]
    fn a_page_reads_back_with_the_same_views() {
        let html = r##"<html lang="en"><head><title>Tide tables | Harbour News</title>
            <meta name="author" content="Ana Sandoiu"><meta name="keywords" content="tides, port">
            <link rel="canonical" href="https://harbour.example/tides"><base href="/news/"></head>
            <body><article><h1>Tide tables</h1>
            <p>The harbour master <em>published</em> the <a href="tables.html">new tables</a>
            on Monday, and the <strong>spring tides</strong> come early this year.</p>
            <ol><li>High water at dawn on the first day.</li><li>Low water at noon.</li></ol>
            <pre><code class="language-rust">fn tide() {}</code></pre>
            <table><tr><th>Day</th><th>High</th></tr><tr><td>Monday</td><td>06:12</td></tr></table>
            <table><tr><td>Tuesday</td><td colspan="2">07:01</td></tr></table>
            <blockquote>Mind the rocks at the harbour mouth when the water is low.</blockquote>
            <p><img src="chart.png" alt="A chart">The chart shows the heights for the month.</p>
            <p>The height follows <math><mi>h</mi><mo>=</mo><mi>a</mi><mi>cos</mi><mi>t</mi></math>
            and <span class="math inline">\(h_0\)</span> is the mean level of the water.<sup
            id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>
            <div class="footnote"><ol><li id="fn:1"><p>Measured at the harbour mouth every hour
            since 1902, by the same gauge and with the same datum, so the old and new tables agree.
            <a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li></ol></div>
            </article><div class="comments"><div class="comment"><p>I sailed out at dawn on
            the first day and the water was higher than the old tables said it would be.</p>
            </div></div></body></html>"##;
        let config = Config {
            comments: true,
            ..Config::default()
        };
        let page = extract(html, &config).expect("a page");
        assert!(!page.comments.is_empty(), "the comment thread");
        let mut bytes = Vec::new();
        page.to_spool(&mut bytes);
        let back = Extraction::from_spool(&bytes).expect("reads back");
        let options = RenderOptions::default().with_images(true);
        assert_eq!(back.text(), page.text());
        assert_eq!(back.markdown(&options), page.markdown(&options));
        assert_eq!(back.html(&options), page.html(&options));
        let extras = RecordExtras {
            markdown: true,
            html: true,
            explain: false,
            comments: true,
        };
        let json = |p: &Extraction| serde_json::to_string(&p.record(None, extras, &options));
        assert_eq!(json(&back).expect("JSON"), json(&page).expect("JSON"));
        assert!(page.markdown(&options).contains("| Monday"), "a table");
        assert!(page.markdown(&options).contains("$h_0$"), "a formula");
        assert!(
            page.markdown(&options).contains("[^1]: Measured"),
            "a footnote"
        );
        assert_eq!(back.blocks.len(), page.blocks.len());
        assert_eq!(back.comments_text(), page.comments_text());
        assert!(back.removals.is_empty() && back.page.is_empty());
        // A damaged or cut record is an error, not a different page.
        assert!(Extraction::from_spool(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Extraction::from_spool(&longer).is_err());
    }
}
