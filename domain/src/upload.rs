//! Evidence files: what may be uploaded, decided from the bytes themselves (never from the name or the type the
//! browser claims), and how large.

use serde::{Deserialize, Serialize};

/// 10 MiB per file: a phone photo of a document or a scanned contract fits; a video does not.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// 100 MiB of evidence per filing, all files together: a quota, so one filing cannot fill the court's storage.
pub const MAX_FILING_BYTES: i64 = 100 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadError {
    Missing,
    Empty,
    TooLarge,
    /// Not a PDF, JPEG or PNG, whatever its name says.
    WrongType,
    /// The filing's files together would pass [`MAX_FILING_BYTES`].
    QuotaExceeded,
}

impl UploadError {
    pub fn code(self) -> &'static str {
        match self {
            UploadError::Missing => "missing",
            UploadError::Empty => "empty",
            UploadError::TooLarge => "too_large",
            UploadError::WrongType => "wrong_type",
            UploadError::QuotaExceeded => "quota_exceeded",
        }
    }

    pub fn from_code(s: &str) -> Option<UploadError> {
        [
            UploadError::Missing,
            UploadError::Empty,
            UploadError::TooLarge,
            UploadError::WrongType,
            UploadError::QuotaExceeded,
        ]
        .into_iter()
        .find(|e| e.code() == s)
    }
}

/// Recognises the file from its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(FileKind::Png)
    } else {
        None
    }
}

/// Every check an upload must pass.
pub fn check(bytes: &[u8]) -> Result<FileKind, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadError::TooLarge);
    }
    sniff(bytes).ok_or(UploadError::WrongType)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(check(b"%PDF-1.7\n..."), Ok(FileKind::Pdf));
        assert_eq!(
            check(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Ok(FileKind::Jpeg)
        );
        assert_eq!(
            check(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]),
            Ok(FileKind::Png)
        );
        assert_eq!(
            check(b"MZ\x90\x00 an exe renamed to .pdf"),
            Err(UploadError::WrongType)
        );
        assert_eq!(check(b"<html>%PDF-"), Err(UploadError::WrongType));
        assert_eq!(check(b""), Err(UploadError::Empty));
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_UPLOAD_BYTES + 1, 0);
        assert_eq!(check(&big), Err(UploadError::TooLarge));
        assert_eq!(
            UploadError::from_code("too_large"),
            Some(UploadError::TooLarge)
        );
    }
}
