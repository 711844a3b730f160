//! Evidence files: uploads judged by their bytes, stored then recorded in one transaction, served to those who may
//! see the filing.

use super::{account, own_editable, visible, FilingError, Result};
use crate::filing::form::{apply_step, Step};
use crate::ssr::{RequestInfo as Caller, ServerCtx};

/// One uploaded evidence file as the form sent it.
pub struct Upload {
    pub label: String,
    pub original: bool,
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The evidence step's other answers sent along (the rows typed above the upload): saved with the file.
    pub answers: Vec<(String, String)>,
}

/// Takes one evidence file: its type is read from its bytes, it is stored under a fresh id, then recorded with the
/// draft entry that lists it in one transaction. If recording fails the stored bytes are removed, so a retry
/// starts clean.
pub async fn add_evidence(
    caller: &Caller,
    id: &str,
    upload: Upload,
    ctx: &ServerCtx,
) -> Result<()> {
    let mut f = own_editable(caller, id, ctx).await?;
    // The answers sent along are as old as the upload's start (when its headers arrived, `caller.now_ms`): if the
    // draft was saved after that (the page's autosave while a large file was on its way), those answers are
    // newer, and the upload's copy must not overwrite them.
    let answers_current = f.updated_at <= caller.now_ms;
    if answers_current
        && upload
            .answers
            .iter()
            .any(|(k, _)| k.starts_with("evidence."))
    {
        apply_step(&mut f.draft, Step::Evidence, &upload.answers).map_err(FilingError::Invalid)?;
    }
    if f.draft.evidence.len() >= super::super::form::MAX_EVIDENCE {
        return Err(FilingError::field("evidence", domain::FieldError::TooMany));
    }
    if upload.bytes.is_empty() && upload.file_name.is_empty() {
        return Err(FilingError::Upload(domain::upload::UploadError::Missing));
    }
    let kind = domain::upload::check(&upload.bytes).map_err(FilingError::Upload)?;
    if db::evidence::total_bytes(&ctx.db, id).await? + upload.bytes.len() as i64
        > domain::upload::MAX_FILING_BYTES
    {
        return Err(FilingError::Upload(
            domain::upload::UploadError::QuotaExceeded,
        ));
    }
    let label = match upload.label.trim() {
        "" => upload
            .file_name
            .rsplit_once('.')
            .map(|(stem, _)| stem.to_string())
            .unwrap_or(upload.file_name.clone()),
        l => l.to_string(),
    };
    let label = if label.trim().is_empty() {
        "证据".to_string()
    } else {
        label.chars().take(100).collect()
    };
    let file_id = db::new_id();
    ctx.files
        .put(&file_id, &upload.bytes)
        .await
        .map_err(FilingError::internal)?;
    f.draft.evidence.push(domain::filing::EvidenceDraft {
        name: label.clone(),
        original: upload.original,
        file_id: Some(file_id.clone()),
    });
    let record = db::evidence::NewFile {
        id: &file_id,
        filing_id: id,
        owner_id: &f.filer_id,
        label: &label,
        content_type: kind.content_type(),
        size_bytes: upload.bytes.len() as i64,
        sha256: &db::crypto::sha256_hex(&upload.bytes),
    };
    if let Err(e) = db::evidence::add(&ctx.db, &record, &f.draft, &caller.ip, caller.now_ms).await {
        ctx.files.delete(&file_id).await;
        return Err(FilingError::internal(e));
    }
    Ok(())
}

/// An evidence file, to whoever may see its filing; anyone else is told it does not exist.
pub async fn evidence_file(
    caller: &Caller,
    file_id: &str,
    ctx: &ServerCtx,
) -> Result<(db::evidence::EvidenceFile, Vec<u8>)> {
    account(caller)?;
    let file = db::evidence::get(&ctx.db, file_id)
        .await?
        .ok_or(FilingError::NotFound)?;
    visible(caller, &file.filing_id, ctx).await?;
    let bytes = ctx
        .files
        .get(&file.id)
        .await
        .map_err(FilingError::internal)?;
    Ok((file, bytes))
}

/// After the evidence step is saved: the files whose rows the filer removed are deleted (rows and bytes).
pub(crate) async fn remove_unlisted_files(
    id: &str,
    draft: &domain::filing::FilingDraft,
    ctx: &ServerCtx,
) -> Result<()> {
    let listed: Vec<String> = draft
        .evidence
        .iter()
        .filter_map(|e| e.file_id.clone())
        .collect();
    for gone in db::evidence::remove_unlisted(&ctx.db, id, &listed).await? {
        ctx.files.delete(&gone).await;
    }
    Ok(())
}
