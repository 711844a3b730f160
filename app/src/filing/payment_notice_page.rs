//! /filings/:id/payment-notice — the payment notice (交费通知书), printable: each line with its article, what is due
//! and by when, the court's account, the payment reference and, when the province has one, the online address with
//! its QR code. Printing needs no script: the browser's own Print works on the page as it is.

use super::common::error_view;
use super::data::{load_payment_notice, PaymentNoticeData};
use crate::components::field::yuan;
use crate::page_data::use_page;
use crate::texts::Label;
use domain::payment::PaymentStatus;
use domain::payment_notice::LineDue;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PaymentNoticePage() -> impl IntoView {
    let l = use_page().lang;
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, load_payment_notice);
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(n) => notice_view(n, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, pay_notice_title)/>
        <section class="panel payment-notice">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn due_text(due: LineDue, l: Lang) -> &'static str {
    match due {
        LineDue::WithinSevenDays => tr!(l, pay_line_within_7_days),
        LineDue::WithPreservationApplication => tr!(l, pay_line_with_preservation),
        LineDue::AfterEnforcement => tr!(l, pay_line_after_enforcement),
        LineDue::NotPrepaid => tr!(l, pay_line_not_prepaid),
        LineDue::Free => tr!(l, pay_line_free),
    }
}

fn notice_view(n: PaymentNoticeData, l: Lang) -> AnyView {
    let filing = format!("/filings/{}", n.id);
    let unpaid = n.payment_status == PaymentStatus::Unpaid;
    let prepaid = n.total_due_fen > 0;
    let deadline = n.payment_due.clone().filter(|_| prepaid).map(|d| {
        view! {
            <p class="payment-deadline">
                {tr!(l, pay_deadline)}": "<strong class="payment-due">{d}</strong>
                " "<span class="hint">"（《诉讼费用交纳办法》第二十二条）"</span>
                {(!n.payment_due_holidays_known).then(|| view! { <span class="hint">{super::form::holidays_unknown(l)}</span> })}
            </p>
            <p class="notice">{tr!(l, pay_consequence)}</p>
        }
    });
    let no_prepayment =
        (!prepaid).then(|| view! { <p class="notice">{tr!(l, pay_no_prepayment)}</p> });
    // Relief (Arts. 44–48) is asked for on the filing's page, where the filer's form is.
    let relief = (prepaid && unpaid).then(|| {
        let link = n.own.then(|| {
            view! { " "<a class="no-print" href=format!("{filing}#relief")>{tr!(l, filing_apply_for_deferral_reduction_or_waiver)}</a> }
        });
        view! { <p class="relief">{tr!(l, pay_relief)}{link}</p> }
    });
    let account = match n.account.clone() {
        Some(a) => view! {
            <dl class="summary-list account">
                <div><dt>{tr!(l, pay_bank)}</dt><dd>{a.bank}</dd></div>
                <div><dt>{tr!(l, pay_account_name)}</dt><dd>{a.account_name}</dd></div>
                <div><dt>{tr!(l, pay_account_number)}</dt><dd class="account-number">{a.account_number}</dd></div>
                <div><dt>{tr!(l, pay_reference)}</dt><dd><strong class="payment-reference">{n.reference.clone()}</strong></dd></div>
            </dl>
        }
        .into_any(),
        None => view! {
            <p class="notice">{tr!(l, pay_account_missing)}</p>
            <dl class="summary-list account">
                <div><dt>{tr!(l, pay_reference)}</dt><dd><strong class="payment-reference">{n.reference.clone()}</strong></dd></div>
            </dl>
        }
        .into_any(),
    };
    let online = n.payment_url.clone().map(|url| {
        let label = format!("{}: {url}", tr!(l, pay_qr_label));
        view! {
            <h3>{tr!(l, pay_online)}</h3>
            <figure class="qr">
                {n.qr_svg.clone().map(|svg| view! { <div class="qr-code" role="img" aria-label=label inner_html=svg></div> })}
                <figcaption>{tr!(l, pay_online_hint)}" "<a class="payment-url" href=url.clone()>{url.clone()}</a></figcaption>
            </figure>
        }
    });
    let how = (prepaid
        && n.payment_status
            .next(domain::payment::PaymentAction::RecordPayment)
            .is_some())
    .then(|| {
        view! {
            <h2>{tr!(l, pay_how)}</h2>
            <h3>{tr!(l, pay_by_transfer)}</h3>
            {account}
            <p class="hint">{tr!(l, pay_reference_hint)}</p>
            {online}
            <p>{tr!(l, pay_confirmation)}</p>
        }
    });
    view! {
        <h1>{tr!(l, pay_notice_title)}</h1>
        {n.demo_accounts.then(|| view! { <p class="error-summary" role="note">{tr!(l, pay_demo_accounts)}</p> })}
        <dl class="summary-list">
            <div><dt>{tr!(l, pay_court)}</dt><dd>{n.court_name.clone()}</dd></div>
            {n.case_number.clone().map(|c| view! { <div><dt>{tr!(l, filing_case_number)}</dt><dd class="case-number">{c}</dd></div> })}
            <div><dt>{tr!(l, filing_receipt_number)}</dt><dd>{n.receipt_no.clone()}</dd></div>
            <div><dt>{tr!(l, pay_status)}</dt><dd><span class="payment-status">{n.payment_status.label(l)}</span></dd></div>
        </dl>
        <table class="fee-table notice-lines">
            <thead><tr>
                <th scope="col">{tr!(l, check_item)}</th>
                <th scope="col">{tr!(l, check_amount)}</th>
                <th scope="col">{tr!(l, check_basis)}</th>
                <th scope="col">{tr!(l, pay_when_payable)}</th>
            </tr></thead>
            <tbody>
                {n.lines.iter().map(|x| view! {
                    <tr><td>{super::common::fee_item_label(&x.item, l)}</td><td class="num">{yuan(x.amount_fen, l)}</td><td lang="zh">{x.basis.clone()}</td><td>{due_text(x.due, l)}</td></tr>
                }).collect_view()}
            </tbody>
            <tfoot>
                <tr><th scope="row">{tr!(l, pay_total_due)}</th><td class="num fee-due">{yuan(n.total_due_fen, l)}</td><td colspan="2">{super::check_page::pay_when_text(n.pay_when, l)}</td></tr>
            </tfoot>
        </table>
        {deadline}
        {no_prepayment}
        {relief}
        {how}
        <div class="no-print print-actions">
            <p class="hint">{tr!(l, pay_print_hint)}</p>
            // Shown and wired by /boot.js when scripts run; without them the hint above is the way.
            <button type="button" class="button secondary" data-print="" hidden=true>{tr!(l, pay_print)}</button>
            <p><a href=filing>{tr!(l, pay_back_to_filing)}</a></p>
        </div>
    }
    .into_any()
}
