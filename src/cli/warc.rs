//! A WARC reader of our own: each record's body is read within the input limit (a record that
//! inflates past it is skipped while inflating, never held), and a damaged record (a short or
//! long `Content-Length`, a cut or corrupt gzip member) is reported as one error, after which the
//! reader goes on at the next gzip member or the next `WARC/1.x` header line.

use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use flate2::bufread::GzDecoder;

use super::inputs::{WarcPage, http_html_page};

/// The longest header line, and the most header bytes, of a record.
const MAX_LINE: u64 = 64 << 10;
const MAX_HEADER: usize = 1 << 20;

/// The HTML responses of a WARC archive (plain or gzipped), read a record at a time; a record
/// bigger than `limit`, or damaged, is one error and the walk goes on.
pub fn warc_pages(
    path: &Path,
    limit: usize,
) -> io::Result<impl Iterator<Item = Result<WarcPage, String>>> {
    let file = BufReader::new(std::fs::File::open(path)?);
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let stream: Box<dyn Read + Send> = if gz {
        Box::new(Members::new(file))
    } else {
        Box::new(file)
    };
    let mut records = Records {
        input: BufReader::new(stream),
        limit,
        lost: false,
    };
    Ok(std::iter::from_fn(move || records.next_page()))
}

/// The gzip members of a file, inflated one after the other. A member that fails to inflate
/// gives one error; reading then goes on at the next gzip header after the member's start.
struct Members<R: BufRead + Seek> {
    member: Option<GzDecoder<R>>,
    /// Where the member being read starts.
    start: u64,
}

impl<R: BufRead + Seek> Members<R> {
    fn new(mut file: R) -> Members<R> {
        let start = file.stream_position().unwrap_or(0);
        Members {
            member: Some(GzDecoder::new(file)),
            start,
        }
    }

    /// Starts the next member at or after `from`: `false` at the end of the file.
    fn next_member(&mut self, mut file: R, from: u64, scan: bool) -> io::Result<bool> {
        file.seek(SeekFrom::Start(from))?;
        if scan {
            skip_to_gzip_header(&mut file)?;
        }
        if file.fill_buf()?.is_empty() {
            return Ok(false);
        }
        self.start = file.stream_position()?;
        self.member = Some(GzDecoder::new(file));
        Ok(true)
    }
}

impl<R: BufRead + Seek> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(member) = self.member.as_mut() else {
                return Ok(0);
            };
            match member.read(buf) {
                Ok(0) if !buf.is_empty() => {
                    let Some(mut file) = self.member.take().map(GzDecoder::into_inner) else {
                        return Ok(0);
                    };
                    let at = file.stream_position()?;
                    if !self.next_member(file, at, false)? {
                        return Ok(0);
                    }
                }
                Ok(n) => return Ok(n),
                Err(e) => {
                    if let Some(file) = self.member.take().map(GzDecoder::into_inner) {
                        let from = self.start + 1;
                        self.next_member(file, from, true)?;
                    }
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("damaged gzip member: {e}"),
                    ));
                }
            }
        }
    }
}

/// Moves `file` to the next gzip header (`1f 8b 08`), or to its end.
fn skip_to_gzip_header(file: &mut (impl BufRead + Seek)) -> io::Result<()> {
    let mut previous: [u8; 2] = [0, 0];
    loop {
        let at = file.stream_position()?;
        let buf = file.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        let found = buf.iter().enumerate().find_map(|(k, &b)| {
            let hit = previous == [0x1f, 0x8b] && b == 0x08;
            previous = [previous[1], b];
            hit.then_some(k)
        });
        if let Some(k) = found {
            // The header started two bytes before its third.
            file.seek(SeekFrom::Start((at + k as u64).saturating_sub(2)))?;
            return Ok(());
        }
        let n = buf.len();
        file.consume(n);
    }
}

/// The records of an inflated WARC stream.
struct Records<R: BufRead> {
    input: R,
    limit: usize,
    /// Looking for the next header after a damaged record.
    lost: bool,
}

/// A record's header: what the reader needs of it.
struct Header {
    length: u64,
    response: bool,
    uri: String,
}

impl<R: BufRead> Records<R> {
    /// The next HTML response, or one error for a damaged or too big record.
    fn next_page(&mut self) -> Option<Result<WarcPage, String>> {
        loop {
            match self.next_record() {
                Ok(None) => return None,
                Ok(Some((header, body))) => {
                    if let Some(page) = header
                        .response
                        .then(|| http_html_page(header.uri, &body))
                        .flatten()
                    {
                        return Some(Ok(page));
                    }
                }
                Err(cause) => {
                    self.lost = true;
                    return Some(Err(cause));
                }
            }
        }
    }

    /// The next record whose body is kept (responses within the limit); others are skipped.
    fn next_record(&mut self) -> Result<Option<(Header, Vec<u8>)>, String> {
        loop {
            let Some(header) = self.header().map_err(|e| damaged(&e))? else {
                return Ok(None);
            };
            if !header.response || header.length > self.limit as u64 {
                let skipped = io::copy(&mut (&mut self.input).take(header.length), &mut io::sink())
                    .map_err(|e| damaged(&e))?;
                if skipped < header.length {
                    return Err("damaged WARC record: cut short".to_owned());
                }
                self.end_of_record()?;
                if header.response {
                    return Err(format!(
                        "WARC record {}: more than {} bytes, the input size limit",
                        header.uri, self.limit
                    ));
                }
                continue;
            }
            let mut body = Vec::new();
            (&mut self.input)
                .take(header.length)
                .read_to_end(&mut body)
                .map_err(|e| damaged(&e))?;
            if (body.len() as u64) < header.length {
                return Err(format!("damaged WARC record {}: cut short", header.uri));
            }
            self.end_of_record()
                .map_err(|e| format!("{e} ({})", header.uri))?;
            return Ok(Some((header, body)));
        }
    }

    /// The blank lines after a body; anything else means its `Content-Length` was wrong.
    fn end_of_record(&mut self) -> Result<(), String> {
        for _ in 0..2 {
            let line = self.line().map_err(|e| damaged(&e))?;
            if line.as_deref().is_some_and(|l| !l.trim_ascii().is_empty()) {
                return Err("damaged WARC record: its Content-Length is wrong".to_owned());
            }
        }
        Ok(())
    }

    /// The next record's header; after damage, the first line that starts a record is looked
    /// for. `None` at the end.
    fn header(&mut self) -> io::Result<Option<Header>> {
        let first = loop {
            let Some(line) = self.line()? else {
                return Ok(None);
            };
            if line.starts_with(b"WARC/1.") {
                break line;
            }
            if !self.lost && !line.trim_ascii().is_empty() {
                self.lost = true;
                return Err(io::Error::other("not a WARC record header"));
            }
        };
        self.lost = false;
        let mut header = Header {
            length: 0,
            response: false,
            uri: String::new(),
        };
        let mut length = None;
        let mut size = first.len();
        while let Some(line) = self.line()? {
            if line.trim_ascii().is_empty() {
                break;
            }
            size += line.len();
            if size > MAX_HEADER {
                return Err(io::Error::other("a record header of more than 1 MiB"));
            }
            let line = String::from_utf8_lossy(&line);
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse::<u64>().ok();
            } else if name.eq_ignore_ascii_case("warc-type") {
                header.response = value.eq_ignore_ascii_case("response");
            } else if name.eq_ignore_ascii_case("warc-target-uri") {
                header.uri = value.to_owned();
            }
        }
        header.length =
            length.ok_or_else(|| io::Error::other("a record header without Content-Length"))?;
        Ok(Some(header))
    }

    /// One line (at most [`MAX_LINE`] bytes of it), with its end; `None` at the end.
    fn line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        (&mut self.input)
            .take(MAX_LINE)
            .read_until(b'\n', &mut line)?;
        Ok((!line.is_empty()).then_some(line))
    }
}

fn damaged(e: &io::Error) -> String {
    format!("damaged WARC record: {e}")
}
