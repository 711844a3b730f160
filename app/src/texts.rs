//! The texts of the domain's values — labels of statuses and roles, messages of field and upload errors — in the
//! catalogue (`app/locales/`), so the browser, the pages and the API say them the same way. `domain` keeps the values
//! and their codes; the words live here.

use domain::Lang;

/// The name of a value, in the reader's language.
pub trait Label {
    fn label(self, l: Lang) -> &'static str;
}

/// What is wrong, in the reader's language.
pub trait Message {
    fn message(self, l: Lang) -> &'static str;
}

impl Message for domain::error::FieldError {
    fn message(self, lang: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::error::*;

        match self {
            FieldError::Required => crate::tr!(lang, text_this_field_is_required),
            FieldError::TooLong => crate::tr!(lang, text_this_is_too_long),
            FieldError::NameChars => {
                crate::tr!(lang, text_use_letters_chinese_characters_spaces_or)
            }
            FieldError::ResidentIdFormat => crate::tr!(lang, text_a_resident_id_number_has_18),
            FieldError::ResidentIdRegion => crate::tr!(lang, text_the_first_two_digits_are_not),
            FieldError::ResidentIdBirthDate => crate::tr!(lang, text_digits_7_to_14_are_not),
            FieldError::ResidentIdFutureBirth => crate::tr!(lang, text_the_date_of_birth_in_this),
            FieldError::ResidentIdCheckDigit => {
                crate::tr!(lang, text_the_check_digit_does_not_match)
            }
            FieldError::UsccFormat => crate::tr!(lang, text_a_unified_social_credit_code_has),
            FieldError::UsccCheckChar => crate::tr!(lang, text_the_check_character_does_not_match),
            FieldError::MobileFormat => crate::tr!(lang, text_a_mobile_number_has_11_digits),
            FieldError::LawyerLicenceFormat => {
                crate::tr!(lang, text_a_lawyer_s_practising_licence_number)
            }
            FieldError::PasswordTooShort => crate::tr!(lang, text_use_at_least_8_characters),
            FieldError::PasswordCommon => crate::tr!(lang, text_password_too_common),
            FieldError::PasswordTooLong => crate::tr!(lang, text_use_at_most_128_characters),
            FieldError::PasswordMismatch => crate::tr!(lang, text_the_passwords_do_not_match),
            FieldError::Taken => crate::tr!(lang, text_this_is_already_registered_if_it),
            FieldError::AmountFormat => crate::tr!(lang, text_enter_the_amount_in_yuan_as),
            FieldError::AmountTooLarge => crate::tr!(lang, text_the_amount_is_too_large_please),
            FieldError::DateFormat => crate::tr!(lang, text_enter_the_date_as_year_month),
            FieldError::DateInFuture => crate::tr!(lang, text_the_date_cannot_be_in_the),
            FieldError::DateInPast => crate::tr!(lang, text_date_in_past),
            FieldError::SlotNotOffered => crate::tr!(lang, text_slot_not_offered),
            FieldError::BeforeKnownOn => crate::tr!(lang, text_interruption_before_known_on),
            FieldError::AgreementNotAllowed => crate::tr!(lang, text_agreement_not_allowed),
            FieldError::AgreementExclusive => crate::tr!(lang, text_agreement_exclusive),
            FieldError::AgreementLevel => crate::tr!(lang, text_agreement_level),
            FieldError::AgreementNotConnected => crate::tr!(lang, text_agreement_not_connected),
            FieldError::AboveBasicLevel => crate::tr!(lang, text_above_basic_level),
            FieldError::UnknownChoice => crate::tr!(lang, text_choose_one_of_the_options),
            FieldError::NeedPlaintiff => crate::tr!(lang, text_add_at_least_one_claimant_applicant),
            FieldError::NeedDefendant => {
                crate::tr!(lang, text_add_at_least_one_defendant_respondent)
            }
            FieldError::SuesItself => crate::tr!(lang, text_the_same_party_cannot_be_on),
            FieldError::NeedClaim => crate::tr!(lang, text_add_at_least_one_claim),
            FieldError::NeedAmount => crate::tr!(lang, text_property_claims_need_an_amount_the),
            FieldError::NeedAddress => crate::tr!(lang, text_give_an_address_for_service_the),
            FieldError::TooMany => crate::tr!(lang, text_too_many_rows),
            FieldError::RateFormat => crate::tr!(lang, risk_enter_the_rate_as_a_percentage),
            FieldError::CodeWrong => crate::tr!(lang, reset_code_wrong),
        }
    }
}

impl Message for domain::upload::UploadError {
    fn message(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::upload::*;

        match self {
            UploadError::Missing => crate::tr!(l, text_choose_a_file_to_upload),
            UploadError::Empty => crate::tr!(l, text_the_file_is_empty_choose_it),
            UploadError::TooLarge => crate::tr!(l, text_the_file_is_larger_than_10),
            UploadError::WrongType => crate::tr!(l, text_only_pdf_jpeg_or_png_files),
            UploadError::QuotaExceeded => crate::tr!(l, text_upload_quota_exceeded),
        }
    }
}

impl Label for domain::filing_status::FilingStatus {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::filing_status::*;

        match self {
            FilingStatus::Draft => crate::tr!(l, text_draft),
            FilingStatus::Submitted => crate::tr!(l, text_waiting_for_review),
            FilingStatus::CorrectionRequested => {
                crate::tr!(l, text_corrections_requested)
            }
            FilingStatus::Registered => crate::tr!(l, text_registered),
            FilingStatus::Refused => crate::tr!(l, filing_refused),
            FilingStatus::Diverted => crate::tr!(l, text_in_pre_litigation_mediation),
        }
    }
}

impl Label for domain::payment::PaymentStatus {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::payment::*;

        match self {
            PaymentStatus::NotRequired => crate::tr!(l, text_no_fee),
            PaymentStatus::Unpaid => crate::tr!(l, text_fee_to_pay),
            PaymentStatus::ReliefRequested => {
                crate::tr!(l, text_relief_applied_for)
            }
            PaymentStatus::ReliefGranted => crate::tr!(l, text_relief_granted),
            PaymentStatus::Paid => crate::tr!(l, text_paid),
            PaymentStatus::TreatedAsWithdrawn => crate::tr!(l, text_fee_not_paid_in_time_treated),
        }
    }
}

impl Label for domain::payment::ReliefKind {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::payment::*;

        match self {
            ReliefKind::Defer => crate::tr!(l, text_defer),
            ReliefKind::Reduce => crate::tr!(l, text_reduce),
            ReliefKind::Waive => crate::tr!(l, text_waive),
        }
    }
}

impl Label for domain::jurisdiction::Ground {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::jurisdiction::*;

        match self {
            Ground::DefendantDomicile => {
                crate::tr!(l, text_the_defendant_s_domicile)
            }
            Ground::ContractPerformance => crate::tr!(l, text_the_place_the_contract_is_performed),
            Ground::TortPlace => crate::tr!(l, text_the_place_of_the_tort),
            Ground::RealEstate => crate::tr!(l, text_the_place_of_the_real_estate),
            Ground::Estate => crate::tr!(l, text_the_deceased_s_domicile_or_estate),
            Ground::PartyDomicile => crate::tr!(l, text_ground_party_domicile),
            Ground::SubjectMatter => crate::tr!(l, text_ground_subject_matter),
            Ground::EnforcedProperty => crate::tr!(l, text_ground_enforced_property),
            Ground::AuthoritySeat => crate::tr!(l, text_ground_authority_seat),
            Ground::ReconsiderationBody => crate::tr!(l, text_ground_reconsideration_body),
            Ground::Agreed => crate::tr!(l, text_ground_agreed),
        }
    }
}

impl Label for domain::registration::AccountKind {
    fn label(self, lang: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::registration::*;

        match self {
            AccountKind::Citizen => crate::tr!(lang, text_citizen),
            AccountKind::Enterprise => crate::tr!(lang, text_enterprise),
            AccountKind::Lawyer => crate::tr!(lang, text_lawyer),
            AccountKind::Clerk => crate::tr!(lang, text_filing_clerk),
            AccountKind::Mediator => crate::tr!(lang, text_mediator),
            AccountKind::Judge => crate::tr!(lang, text_judge),
            AccountKind::CourtAdmin => {
                crate::tr!(lang, text_court_administrator)
            }
        }
    }
}

impl Label for domain::filing::PartyRole {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::filing::*;

        match self {
            PartyRole::Plaintiff => crate::tr!(l, review_claimant),
            PartyRole::Defendant => crate::tr!(l, text_defendant),
            PartyRole::ThirdParty => crate::tr!(l, fields_third_party),
        }
    }
}

impl Label for domain::catalogue::CaseKind {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::catalogue::*;

        match self {
            CaseKind::CivilFirstInstance => crate::tr!(l, text_civil_claim),
            CaseKind::AdministrativeFirstInstance => {
                crate::tr!(l, text_administrative_claim)
            }
            CaseKind::Enforcement => crate::tr!(l, text_apply_for_enforcement),
            CaseKind::JudicialConfirmation => crate::tr!(l, text_confirm_a_mediation_agreement),
        }
    }
}

impl Label for domain::catalogue::CauseGroup {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::catalogue::*;

        match self {
            CauseGroup::MoneyAndContracts => {
                crate::tr!(l, text_money_and_contracts)
            }
            CauseGroup::HomeAndProperty => {
                crate::tr!(l, text_homes_and_property)
            }
            CauseGroup::WorkAndLabour => crate::tr!(l, text_work),
            CauseGroup::FamilyAndInheritance => {
                crate::tr!(l, text_family_and_inheritance)
            }
            CauseGroup::AccidentsAndRights => {
                crate::tr!(l, text_accidents_and_rights)
            }
            CauseGroup::Administrative => {
                crate::tr!(l, text_against_a_government_body)
            }
            CauseGroup::Applications => crate::tr!(l, text_applications),
        }
    }
}

impl Label for domain::risk::RiskLevel {
    fn label(self, l: Lang) -> &'static str {
        #[allow(unused_imports)]
        use domain::risk::*;

        match self {
            RiskLevel::Low => crate::tr!(l, text_low),
            RiskLevel::Medium => crate::tr!(l, text_medium),
            RiskLevel::High => crate::tr!(l, text_high),
        }
    }
}

/// The words of a risk estimate's sentences in the reader's language, for `domain::risk::assess` (the keys are
/// `RiskText::key`'s).
pub fn risk_words(l: Lang) -> impl Fn(domain::risk::RiskText) -> &'static str {
    use domain::risk::RiskText;
    move |text| match text {
        RiskText::FilingConditionsNotMet => crate::tr!(l, risk_filing_conditions_not_met),
        RiskText::TheEvidenceDoesNotShowA => crate::tr!(l, risk_the_evidence_does_not_show_a),
        RiskText::ListOrUploadToRemove => crate::tr!(l, risk_list_or_upload_it_to_remove),
        RiskText::ClaimsNotSpecific => crate::tr!(l, risk_claims_not_specific),
        RiskText::MoneyClaimWithoutAmount => crate::tr!(l, risk_money_claim_without_amount),
        RiskText::InterestAboveTheCap => crate::tr!(l, risk_interest_above_the_cap),
        RiskText::AgreedAnnualRate => crate::tr!(l, risk_agreed_annual_rate),
        RiskText::CapFourTimesLpr => crate::tr!(l, risk_cap_four_times_lpr),
        RiskText::DateFromTheFacts => crate::tr!(l, risk_date_from_the_facts),
        RiskText::DateIsKnownOn => crate::tr!(l, risk_date_is_known_on),
        RiskText::LoanBefore20200820 => crate::tr!(l, risk_loan_before_2020_08_20),
        RiskText::TheExcessIsNotSupported => crate::tr!(l, risk_the_excess_is_not_supported),
        RiskText::LimitationPeriodPassed => crate::tr!(l, risk_limitation_period_passed),
        RiskText::TheLimitationPeriodEndedOn => crate::tr!(l, risk_the_limitation_period_ended_on),
        RiskText::TheCourtWillNotRaiseIt => crate::tr!(l, risk_the_court_will_not_raise_it),
        RiskText::ListedDemandMayInterrupt => crate::tr!(l, risk_listed_demand_may_interrupt),
        RiskText::DemandInterruptsIfInTime => crate::tr!(l, risk_demand_interrupts_if_in_time),
        RiskText::LimitationPeriodEndsSoon => crate::tr!(l, risk_limitation_period_ends_soon),
        RiskText::TheLimitationPeriodEndsOn => crate::tr!(l, risk_the_limitation_period_ends_on),
        RiskText::FileBeforeThatDate => crate::tr!(l, risk_file_before_that_date),
        RiskText::UnclearAuthority => crate::tr!(l, risk_unclear_authority),
        RiskText::NoPowerOfAttorneyAdmittingWaiving => {
            crate::tr!(l, risk_no_power_of_attorney_admitting_waiving)
        }
        RiskText::ProvideAPowerOfAttorney => crate::tr!(l, risk_provide_a_power_of_attorney),
        RiskText::FeesNotPaidInTime => crate::tr!(l, risk_fees_not_paid_in_time),
        RiskText::PrepaidAcceptanceFee => crate::tr!(l, risk_prepaid_acceptance_fee),
        RiskText::Yuan => crate::tr!(l, risk_yuan),
        RiskText::IfTheFeeIsNotPaid => crate::tr!(l, risk_if_the_fee_is_not_paid),
        RiskText::YouMayApplyForRelief => crate::tr!(l, risk_you_may_apply_for_relief),
        RiskText::PreservationBeyondTheClaim => crate::tr!(l, risk_preservation_beyond_the_claim),
        RiskText::PreservationAsked => crate::tr!(l, risk_preservation_asked),
        RiskText::ClaimedInTotal => crate::tr!(l, risk_claimed_in_total),
        RiskText::YouAskToPreserveMoreThan => crate::tr!(l, risk_you_ask_to_preserve_more_than),
        RiskText::LowerThePreservation => crate::tr!(l, risk_lower_the_preservation),
        RiskText::NoEvidence => crate::tr!(l, risk_no_evidence),
        RiskText::NoEvidenceYetEachPartyMust => crate::tr!(l, risk_no_evidence_yet_each_party_must),
        RiskText::SuchCasesUsuallyNeed => crate::tr!(l, risk_such_cases_usually_need),
        RiskText::EvidenceMayBeThin => crate::tr!(l, risk_evidence_may_be_thin),
        RiskText::NotAmongTheEvidence => crate::tr!(l, risk_not_among_the_evidence),
        RiskText::AddThemToRemove => crate::tr!(l, risk_add_them_to_remove),
        RiskText::ADemandHelpsWithLimitation => crate::tr!(l, risk_a_demand_helps_with_limitation),
        RiskText::OriginalsNotAvailable => crate::tr!(l, risk_originals_not_available),
        RiskText::WithoutOriginals => crate::tr!(l, risk_without_originals),
        RiskText::SomeEvidenceHasNoOriginalA => crate::tr!(l, risk_some_evidence_has_no_original_a),
        RiskText::BringTheOriginals => crate::tr!(l, risk_bring_the_originals),
        RiskText::AddressForServiceUncertain => crate::tr!(l, risk_address_for_service_uncertain),
        RiskText::NoUsableAddressOrPhone => crate::tr!(l, risk_no_usable_address_or_phone),
        RiskText::AddressIncomplete => crate::tr!(l, risk_address_incomplete),
        RiskText::NoPhoneForTheDefendant => crate::tr!(l, risk_no_phone_for_the_defendant),
        RiskText::NothingToEnforceAgainst => crate::tr!(l, risk_nothing_to_enforce_against),
        RiskText::YouDoNotKnowOfThe => crate::tr!(l, risk_you_do_not_know_of_the),
        RiskText::TellUsOfProperty => crate::tr!(l, risk_tell_us_of_property),
    }
}

impl Label for domain::mediation::MediationStatus {
    fn label(self, l: Lang) -> &'static str {
        use domain::mediation::MediationStatus as S;
        match self {
            S::Held => crate::tr!(l, med_status_held),
            S::Invited => crate::tr!(l, med_status_invited),
            S::Scheduled => crate::tr!(l, med_status_scheduled),
            S::Declined => crate::tr!(l, med_status_declined),
            S::Expired => crate::tr!(l, med_status_expired),
            S::Cancelled => crate::tr!(l, med_status_cancelled),
            S::Settled => crate::tr!(l, med_status_settled),
            S::PartlySettled => crate::tr!(l, med_status_partly_settled),
            S::Failed => crate::tr!(l, med_status_failed),
            S::Filed => crate::tr!(l, med_status_filed),
        }
    }
}

impl Label for domain::mediation::ConfirmationStatus {
    fn label(self, l: Lang) -> &'static str {
        use domain::mediation::ConfirmationStatus as C;
        match self {
            C::Applying => crate::tr!(l, med_conf_applying),
            C::Pending => crate::tr!(l, med_conf_pending),
            C::Confirmed => crate::tr!(l, med_conf_confirmed),
            C::Refused => crate::tr!(l, med_conf_refused),
        }
    }
}

impl Label for domain::mediation::MediationMode {
    fn label(self, l: Lang) -> &'static str {
        use domain::mediation::MediationMode as M;
        match self {
            M::InPerson => crate::tr!(l, med_mode_in_person),
            M::Video => crate::tr!(l, med_mode_video),
        }
    }
}

impl Label for domain::mediation::MediationRole {
    fn label(self, l: Lang) -> &'static str {
        use domain::mediation::MediationRole as R;
        match self {
            R::Requester => crate::tr!(l, med_role_requester),
            R::Respondent => crate::tr!(l, med_role_respondent),
            R::Mediator => crate::tr!(l, med_role_mediator),
            R::Staff => crate::tr!(l, med_role_staff),
            R::System => crate::tr!(l, med_role_system),
        }
    }
}

impl Label for domain::mediator_match::Reason {
    fn label(self, l: Lang) -> &'static str {
        use domain::mediator_match::Reason as R;
        match self {
            R::Specialty => crate::tr!(l, med_reason_specialty),
            R::Language => crate::tr!(l, med_reason_language),
            R::ServesCourt => crate::tr!(l, med_reason_serves_court),
            R::NearBy => crate::tr!(l, med_reason_near_by),
            R::FreeSoon => crate::tr!(l, med_reason_free_soon),
            R::LightLoad => crate::tr!(l, med_reason_light_load),
            R::WellRated => crate::tr!(l, med_reason_well_rated),
        }
    }
}

/// The kind of a mediation organisation, in the reader's language.
pub fn org_kind_label(kind: &str, l: Lang) -> &'static str {
    match kind {
        "people" => crate::tr!(l, med_org_people),
        "property" => crate::tr!(l, med_org_property),
        "finance" => crate::tr!(l, med_org_finance),
        "traffic" => crate::tr!(l, med_org_traffic),
        "medical" => crate::tr!(l, med_org_medical),
        "insurance" => crate::tr!(l, med_org_insurance),
        "lawyer" => crate::tr!(l, med_org_lawyer),
        "labour_union" => crate::tr!(l, med_org_labour_union),
        "womens_federation" => crate::tr!(l, med_org_womens_federation),
        "commerce_chamber" => crate::tr!(l, med_org_commerce_chamber),
        "grid" => crate::tr!(l, med_org_grid),
        "court_invited" => crate::tr!(l, med_org_court_invited),
        _ => crate::tr!(l, med_org_other),
    }
}

/// A language of mediation, in the reader's language.
pub fn language_label(code: &str, l: Lang) -> &'static str {
    match code {
        "zh" => crate::tr!(l, med_lang_zh),
        "ko" => crate::tr!(l, med_lang_ko),
        "mn" => crate::tr!(l, med_lang_mn),
        _ => crate::tr!(l, med_lang_other),
    }
}

/// A server-only word table: (key, 中文, 한국어, English). The features whose words only the server renders keep
/// them in such a table rather than the locale files, so the citizen WebAssembly does not carry them.
pub type WordTable = [(&'static str, &'static str, &'static str, &'static str)];

/// The word for `key` in `lang` from `table` (empty when missing: the tables' tests check every key is there).
pub fn word(table: &'static WordTable, key: &str, lang: Lang) -> &'static str {
    match table.iter().find(|(k, ..)| *k == key) {
        Some((_, zh, ko, en)) => match lang {
            Lang::Zh => zh,
            Lang::Ko => ko,
            Lang::En => en,
        },
        None => "",
    }
}
