//! Paying the court fee online, pluggable. The payment notice — a transfer to the court's fee account with the
//! payment reference — is always there; a provider adds an address where the same reference is paid online. The
//! court's clerk confirms receipt either way, so no provider here reports payments.

use domain::payment_notice::{payment_url, CourtAccounts, PaymentReference};
use std::sync::Arc;

/// A way to pay online.
pub trait OnlinePayment: std::fmt::Debug + Send + Sync {
    /// A stable name, for the API and the log (`notice_only`, `configured_url`).
    fn name(&self) -> &'static str;
    /// Where the fee with this reference is paid online; `None` when only the notice's ways are offered.
    fn payment_url(&self, reference: &PaymentReference) -> Option<String>;
}

/// No online payment: the notice's bank transfer only (the default).
#[derive(Debug, Default)]
pub struct NoticeOnly;

impl OnlinePayment for NoticeOnly {
    fn name(&self) -> &'static str {
        "notice_only"
    }

    fn payment_url(&self, _: &PaymentReference) -> Option<String> {
        None
    }
}

/// The province's online payment address (`online_payment_url` of `PORTAL_COURT_ACCOUNTS`), the reference filled in.
#[derive(Debug)]
pub struct ConfiguredUrl {
    /// Checked at start-up ([`CourtAccounts::check`]): https, one `{reference}`.
    template: String,
}

impl OnlinePayment for ConfiguredUrl {
    fn name(&self) -> &'static str {
        "configured_url"
    }

    fn payment_url(&self, reference: &PaymentReference) -> Option<String> {
        Some(payment_url(&self.template, reference))
    }
}

/// The provider the configuration asks for: the configured address when there is one, else the notice only.
pub fn from_config(accounts: &CourtAccounts) -> Arc<dyn OnlinePayment> {
    match &accounts.online_payment_url {
        Some(template) => Arc::new(ConfiguredUrl {
            template: template.clone(),
        }),
        None => Arc::new(NoticeOnly),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_only_provider_offers_no_address_and_the_configured_one_fills_in_the_reference() {
        let reference = PaymentReference::new("吉0202", "SL20261123A1B2C3D4").unwrap();
        let mut accounts = CourtAccounts {
            version: "t".into(),
            demo: false,
            online_payment_url: None,
            courts: Default::default(),
        };
        let none = from_config(&accounts);
        assert_eq!(
            (none.name(), none.payment_url(&reference)),
            ("notice_only", None)
        );
        accounts.online_payment_url = Some("https://pay.example/court?ref={reference}".into());
        let online = from_config(&accounts);
        assert_eq!(online.name(), "configured_url");
        assert_eq!(
            online.payment_url(&reference).unwrap(),
            format!("https://pay.example/court?ref={}", reference.as_str())
        );
    }
}
