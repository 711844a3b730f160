//! Where evidence bytes live. On one machine a directory (`PORTAL_UPLOAD_DIR`, default `data/uploads`); several
//! instances share a mounted volume or, next, object storage behind the same calls.
//!
//! Files are encrypted at rest with the data key (XChaCha20-Poly1305, bound to the file's id, so a file copied
//! under another id does not open) and created readable by the server's user only (0600, in a 0700 directory).
//! A file stored before encryption (no header) is still served as it is.

use crate::crypto::Keys;
use std::path::PathBuf;
use std::sync::Arc;

/// The first bytes of an encrypted file.
const HEADER: &[u8] = b"PORTAL-ENC1\n";

#[derive(Clone, Debug)]
pub struct FileStore {
    dir: PathBuf,
    keys: Arc<Keys>,
}

impl FileStore {
    pub fn new(dir: PathBuf, keys: Keys) -> std::io::Result<FileStore> {
        std::fs::create_dir_all(&dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(FileStore {
            dir,
            keys: Arc::new(keys),
        })
    }

    fn path(&self, id: &str) -> Option<PathBuf> {
        // Ids are our own hex; anything else never touches the file system.
        (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then(|| self.dir.join(id))
    }

    /// Encrypts, writes to a temporary name (0600 from its creation) and renames, so a half-written file is never
    /// visible under its id.
    pub async fn put(&self, id: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self
            .path(id)
            .ok_or_else(|| std::io::Error::other("bad file id"))?;
        let mut sealed = HEADER.to_vec();
        sealed.extend(self.keys.seal_bytes(id.as_bytes(), bytes));
        let tmp = path.with_extension("part");
        let mut options = tokio::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        options.mode(0o600);
        {
            use tokio::io::AsyncWriteExt;
            let mut file = options.open(&tmp).await?;
            file.write_all(&sealed).await?;
            file.sync_all().await?;
        }
        tokio::fs::rename(&tmp, &path).await
    }

    pub async fn get(&self, id: &str) -> std::io::Result<Vec<u8>> {
        let path = self
            .path(id)
            .ok_or_else(|| std::io::Error::other("bad file id"))?;
        let stored = tokio::fs::read(path).await?;
        match stored.strip_prefix(HEADER) {
            Some(sealed) => self.keys.open_bytes(id.as_bytes(), sealed).ok_or_else(|| {
                std::io::Error::other("file does not decrypt with this deployment's key")
            }),
            None => Ok(stored),
        }
    }

    /// The bytes as stored on disk (tests check that they are not the file).
    pub async fn raw(&self, id: &str) -> std::io::Result<Vec<u8>> {
        let path = self
            .path(id)
            .ok_or_else(|| std::io::Error::other("bad file id"))?;
        tokio::fs::read(path).await
    }

    /// Where a file is stored (tests check its mode).
    pub fn location(&self, id: &str) -> Option<PathBuf> {
        self.path(id)
    }

    pub async fn delete(&self, id: &str) {
        if let Some(path) = self.path(id) {
            let _ = tokio::fs::remove_file(path).await;
        }
    }
}
