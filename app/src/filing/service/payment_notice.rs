//! The payment notice (交费通知书) registration sends: the fee line by line with its article, what is due within
//! seven days and by when (Art. 22), the court's fee account, the payment reference, and the online address when
//! the province has one. The filer's and the court's staff's only; anyone else is told the filing does not exist.

use super::{fee_for, is_reviewer, visible, FilingError, Result};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use domain::fees::PayWhen;
use domain::payment::{PaymentAction, PaymentStatus};
use domain::payment_notice::{notice_lines, FeeAccount, NoticeLine, PaymentReference};

pub struct PaymentNotice {
    pub filing_id: String,
    pub receipt_no: String,
    pub case_number: Option<String>,
    /// The court the case is registered at, whose account the fee is paid into.
    pub court_code: String,
    pub court_name: String,
    pub payment_status: PaymentStatus,
    pub lines: Vec<NoticeLine>,
    /// What the notice asks for within seven days (the prepaid acceptance fee; 0 when nothing is prepaid).
    pub total_due_fen: i64,
    pub pay_when: PayWhen,
    pub pay_when_basis: Option<String>,
    /// The last day to pay, while the fee is unpaid.
    pub payment_due: Option<String>,
    pub payment_due_holidays_known: bool,
    /// `None`: the court's account is not configured; the filer asks the court.
    pub account: Option<FeeAccount>,
    /// The configured accounts are examples (the demo courts').
    pub demo_accounts: bool,
    pub reference: PaymentReference,
    pub payment_provider: &'static str,
    /// Where to pay online, while there is something to pay and the province has an address.
    pub payment_url: Option<String>,
    /// The caller is the filer.
    pub own: bool,
}

pub async fn payment_notice(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<PaymentNotice> {
    let (f, user) = visible(caller, id, ctx).await?;
    let own = f.filer_id == user.id;
    if !own && !is_reviewer(user) {
        return Err(FilingError::NotFound);
    }
    // Registration sends the notice: before it (or for a filing refused or diverted) there is none.
    let status = f.payment_status.ok_or(FilingError::Conflict)?;
    let court_code = f
        .competent_court_code
        .clone()
        .or_else(|| f.court_code.clone())
        .ok_or_else(|| FilingError::internal("a registered filing without a court"))?;
    let receipt_no = f
        .receipt_no
        .clone()
        .ok_or_else(|| FilingError::internal("a registered filing without a receipt number"))?;
    let reference = PaymentReference::new(&court_code, &receipt_no).ok_or_else(|| {
        FilingError::internal(format!(
            "no payment reference for court {court_code} and receipt {receipt_no}"
        ))
    })?;
    let notified = f.fee_total_fen.unwrap_or(0);
    let quote = fee_for(&f.draft, &ctx.fees);
    // Line by line only from the table the filing was charged with; the notified amount stands otherwise.
    let same_table = quote.as_ref().filter(|q| {
        f.fee_table_version
            .as_deref()
            .is_none_or(|v| v == q.table_version)
    });
    let lines = notice_lines(same_table, notified);
    let (pay_when, pay_when_basis) = match quote {
        Some(q) => (q.pay_when, q.pay_when_basis),
        None if notified > 0 => (PayWhen::Prepaid, None),
        None => (PayWhen::Free, None),
    };
    let payable = notified > 0 && status.next(PaymentAction::RecordPayment).is_some();
    let payment_due = f
        .payment_due
        .clone()
        .filter(|_| status == PaymentStatus::Unpaid);
    let court_name = db::courts::shared(&ctx.db)
        .await?
        .iter()
        .find(|c| c.code == court_code)
        .map(|c| c.display_name(caller.lang).to_string())
        .unwrap_or_else(|| court_code.clone());
    Ok(PaymentNotice {
        payment_due_holidays_known: payment_due
            .as_deref()
            .and_then(domain::Date::parse_iso)
            .is_none_or(|d| ctx.calendar.covers(d.year)),
        payment_due,
        account: ctx.court_accounts.account(&court_code).cloned(),
        demo_accounts: ctx.court_accounts.demo,
        payment_provider: ctx.online_payment.name(),
        payment_url: payable
            .then(|| ctx.online_payment.payment_url(&reference))
            .flatten(),
        reference,
        filing_id: f.id,
        receipt_no,
        case_number: f.case_number,
        court_code,
        court_name,
        payment_status: status,
        lines,
        total_due_fen: notified,
        pay_when,
        pay_when_basis,
        own,
    })
}

/// The QR code of an address as an inline SVG (hidden from assistive technology: the page names it and prints the
/// address beside it). Drawn on the server only; the WebAssembly never carries an encoder.
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    // Inline in HTML: no XML declaration, and the drawing itself is decoration of the labelled figure.
    let svg = &svg[svg.find("<svg ")?..];
    Some(svg.replacen("<svg ", r#"<svg aria-hidden="true" focusable="false" "#, 1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_qr_code_is_an_inline_svg_without_an_xml_declaration() {
        let svg = super::qr_svg("https://pay.example/court?ref=22020220261123A1B2C3D4K").unwrap();
        assert!(svg.starts_with("<svg aria-hidden=\"true\""), "{svg:.80}");
        assert!(svg.ends_with("</svg>") && svg.contains("<path"));
        assert!(!svg.contains("<?xml"));
    }
}
