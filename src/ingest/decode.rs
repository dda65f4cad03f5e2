//! Bytes -> text: byte-order marks, UTF-16, declared charsets, UTF-8 with stray bytes, the
//! Windows-1252 fallback, and the binary sniffing that decides an input is not text at all.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// What a byte buffer turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Text, and the name of the encoding it was read with.
    Text(String, &'static str),
    /// Not text: why (one short line).
    Binary(String),
}

/// Names the kind of binary file `bytes` starts with, if a well-known magic number says so.
pub fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a zip archive"),
        (b"PK\x05\x06", "a zip archive"),
        (b"%PDF-", "a PDF document"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"\x1f\x8b", "gzip data"),
        (b"BZh", "bzip2 data"),
        (b"\xfd7zXZ\0", "xz data"),
        (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
        (b"\x28\xb5\x2f\xfd", "zstd data"),
        (b"\x7fELF", "an executable"),
        (b"\0asm", "a WebAssembly module"),
        (b"OggS", "an Ogg media file"),
        (b"ID3", "an MP3 file"),
        (b"fLaC", "a FLAC file"),
        (b"\x00\x00\x01\x00", "an icon"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
        (b"Rar!\x1a\x07", "a RAR archive"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "a WebP image",
            b"WAVE" => "a WAV file",
            b"AVI " => "an AVI video",
            _ => "a RIFF media file",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4/HEIF media file");
    }
    None
}

/// The encoding a byte-order mark announces, and the BOM's length.
pub fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// True when the first KB looks like UTF-16 without a BOM is *not* the explanation of NUL
/// bytes: the caller has already handled BOMs, so NULs mean binary.
fn has_nul(bytes: &[u8]) -> bool {
    bytes.iter().take(1024).any(|&b| b == 0)
}

/// Finds a charset declared in the first 2 KB: `<meta charset=...>`, `http-equiv`
/// `content="...; charset=..."`, or an XML declaration's `encoding="..."`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut candidates = Vec::new();
    if head.trim_start().starts_with("<?xml") {
        if let Some(end) = head.find("?>") {
            let decl = &head[..end];
            if let Some(i) = decl.find("encoding") {
                candidates.push(&decl[i + "encoding".len()..]);
            }
        }
    }
    let mut rest = head.as_str();
    while let Some(i) = rest.find("charset") {
        candidates.push(&rest[i + "charset".len()..]);
        rest = &rest[i + "charset".len()..];
    }
    for c in candidates {
        let c = c.trim_start();
        let Some(c) = c.strip_prefix('=') else {
            continue;
        };
        let c = c.trim_start().trim_start_matches(['"', '\'']);
        let label: String = c
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(enc) = Encoding::for_label(label.as_bytes()) {
            // A page declaring UTF-16 but readable as ASCII was re-saved: ignore the label.
            if enc == UTF_16LE || enc == UTF_16BE {
                continue;
            }
            return Some(enc);
        }
    }
    None
}

/// UTF-16 without a byte-order mark: in the first KB, most bytes at one parity are NUL and
/// almost none at the other (ASCII-range text). Returns the encoding.
pub fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 7 && even * 50 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 50 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes a whole input. Order: BOM (UTF-8, UTF-16 LE/BE); NUL bytes or a magic number
/// mean binary; valid UTF-8; the charset the document declares; UTF-8 with a few stray bytes
/// (lossy); Windows-1252 (a superset of
/// Latin-1, so every byte decodes).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, len)) = bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[len..]);
        if had_errors && enc != UTF_8 {
            return Decoded::Binary(format!("invalid {} after its byte-order mark", enc.name()));
        }
        return Decoded::Text(text.into_owned(), enc.name());
    }
    if let Some(what) = binary_magic(bytes) {
        return Decoded::Binary(format!("binary file ({what})"));
    }
    if let Some(enc) = bomless_utf16(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return Decoded::Text(text.into_owned(), enc.name());
        }
    }
    if has_nul(bytes) {
        return Decoded::Binary("binary file (NUL bytes)".to_string());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::Text(text.to_string(), UTF_8.name());
    }
    let declared = declared_charset(bytes).filter(|e| *e != UTF_8);
    if declared.is_none() {
        if let Some(text) = mostly_utf8(bytes) {
            return Decoded::Text(text, UTF_8.name());
        }
    }
    let enc = declared.unwrap_or(WINDOWS_1252);
    let (text, _, _) = enc.decode(bytes);
    Decoded::Text(text.into_owned(), enc.name())
}

/// Decodes one line of a JSON Lines file: UTF-8, else Windows-1252.
pub fn decode_line(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => mostly_utf8(bytes).unwrap_or_else(|| WINDOWS_1252.decode(bytes).0.into_owned()),
    }
}

/// UTF-8 with a few stray bytes (a truncated character, a byte from another encoding): read
/// as UTF-8, each bad sequence becoming U+FFFD, when the valid non-ASCII characters are at
/// least as many as the bad sequences. Read as Windows-1252, its curly quotes would turn into
/// `â€œ` and its quotes be lost. Latin-1 and Windows-1252 text (`caf\xe9`, `\x93Yes\x94`)
/// is almost all bad sequences and stays with the Windows-1252 fallback.
fn mostly_utf8(bytes: &[u8]) -> Option<String> {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    (good > 0 && bad <= good).then(|| String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("caf\u{e9}".as_bytes()),
            Decoded::Text("caf\u{e9}".into(), "UTF-8")
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("\u{a3}5".as_bytes());
        assert_eq!(decode(&b), Decoded::Text("\u{a3}5".into(), "UTF-8"));
    }

    #[test]
    fn latin1_pound_sign() {
        assert_eq!(
            decode(b"cost \xa3300"),
            Decoded::Text("cost \u{a3}300".into(), "windows-1252")
        );
    }

    #[test]
    fn windows_1252_curly_quotes() {
        match decode(b"\x93Yes,\x94 she said") {
            Decoded::Text(t, _) => assert_eq!(t, "\u{201c}Yes,\u{201d} she said"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mostly_utf8_with_stray_bytes() {
        let b = b"\xe2\x80\x9cWe \xff will rebuild,\xe2\x80\x9d she said";
        assert_eq!(
            decode(b),
            Decoded::Text(
                "\u{201c}We \u{fffd} will rebuild,\u{201d} she said".into(),
                "UTF-8"
            )
        );
        assert_eq!(
            decode_line(b),
            "\u{201c}We \u{fffd} will rebuild,\u{201d} she said"
        );
        // One valid character among more bad bytes: Windows-1252.
        match decode(b"caf\xe9, na\xefve, \xe2\x82\xac") {
            Decoded::Text(t, enc) => assert_eq!(
                (t.as_str(), enc),
                (
                    "caf\u{e9}, na\u{ef}ve, \u{e2}\u{201a}\u{ac}",
                    "windows-1252"
                )
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn utf16_both_orders() {
        let s = "\u{201c}Hi\u{201d}";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le), Decoded::Text(s.into(), "UTF-16LE"));
        assert_eq!(decode(&be), Decoded::Text(s.into(), "UTF-16BE"));
    }

    #[test]
    fn declared_charsets() {
        let html = b"<html><head><meta charset=\"iso-8859-15\"></head><body>\xa4</body></html>";
        match decode(html) {
            Decoded::Text(t, enc) => {
                assert!(t.contains('\u{20ac}'), "{t}");
                assert_eq!(enc, "ISO-8859-15");
            }
            other => panic!("{other:?}"),
        }
        let xml = b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>\xe9</rss>";
        assert_eq!(declared_charset(xml), Some(WINDOWS_1252));
        let meta =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>\xc4\xe3";
        assert_eq!(declared_charset(meta).map(|e| e.name()), Some("GBK"));
    }

    #[test]
    fn utf16_without_bom() {
        let s = "A plain headline\n\nShe said so.";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le), Decoded::Text(s.into(), "UTF-16LE"));
        assert_eq!(decode(&be), Decoded::Text(s.into(), "UTF-16BE"));
    }

    #[test]
    fn binary_inputs() {
        assert!(
            matches!(decode(b"\x89PNG\r\n\x1a\n...."), Decoded::Binary(r) if r.contains("PNG"))
        );
        assert!(
            matches!(decode(b"SQLite format 3\0..."), Decoded::Binary(r) if r.contains("SQLite"))
        );
        assert!(matches!(decode(b"abc\0def"), Decoded::Binary(r) if r.contains("NUL")));
    }
}
