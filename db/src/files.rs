//! Where evidence bytes live. On one machine a directory (`PORTAL_UPLOAD_DIR`, default `data/uploads`); several
//! instances share a mounted volume or, next, object storage behind the same two calls.

use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    pub fn new(dir: PathBuf) -> std::io::Result<FileStore> {
        std::fs::create_dir_all(&dir)?;
        Ok(FileStore { dir })
    }

    fn path(&self, id: &str) -> Option<PathBuf> {
        // Ids are our own hex; anything else never touches the file system.
        (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then(|| self.dir.join(id))
    }

    /// Writes to a temporary name and renames, so a half-written file is never visible under its id.
    pub async fn put(&self, id: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self
            .path(id)
            .ok_or_else(|| std::io::Error::other("bad file id"))?;
        let tmp = path.with_extension("part");
        tokio::fs::write(&tmp, bytes).await?;
        tokio::fs::rename(&tmp, &path).await
    }

    pub async fn get(&self, id: &str) -> std::io::Result<Vec<u8>> {
        let path = self
            .path(id)
            .ok_or_else(|| std::io::Error::other("bad file id"))?;
        tokio::fs::read(path).await
    }

    pub async fn delete(&self, id: &str) {
        if let Some(path) = self.path(id) {
            let _ = tokio::fs::remove_file(path).await;
        }
    }
}
