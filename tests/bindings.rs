//! The TypeScript types of everything that crosses the UI boundary are
//! generated from the Rust types; this test fails when the committed file
//! `ui/src/lib/bindings.ts` is stale. `UPDATE_BINDINGS=1 cargo test --test
//! bindings` rewrites it.

use partnernet::agreements::model::{
    Agreement, AgreementFilter, AgreementInput, AgreementKind, AgreementParty, AgreementStatus,
    AgreementSummary, AgreementTemplate, Art15Items, Attachment, AttachmentKind, MergeField,
    PlanItem, Reminder, ReminderKind, StatusChange,
};
use partnernet::brochures::model::{Brochure, BrochureSummary, SourceProblem};
use partnernet::damaged::{DamagedCount, DamagedKind, DamagedRow, DataCheck};
use partnernet::events::model::{
    Audience, Conflict, ConflictReason, Event, EventFilter, EventForm, EventFormInput, EventInput,
    EventSaved, EventStatus, EventsDigest, Frequency, ImportAction, ImportFile, ImportItem,
    ImportPreview, ImportReport, Occurrence, OccurrenceChange, Recurrence,
};
use partnernet::events::{CalendarRange, DayCount, RangeQuery};
use partnernet::exports::{ExportTarget, FileDialogOptions, FileFilter, FileFormat, OpenPurpose};
use partnernet::grammar::Gender;
use partnernet::imports::model::{
    ImportBatch, ImportField, ImportFieldOption, ImportPlan, ImportRequest, ImportRow,
    ImportSource, MatchKind, RowAction, RowDecision, RowMatch,
};
use partnernet::institution::model::{DeficitMatch, Institution, MatchedPartner};
use partnernet::network::model::{
    FlagCount, HealthFlag, HealthFlagKind, HealthView, MapEdge, MapLegendItem, MapNode, MapQuery,
    NetworkHealth, NetworkMap, PartnerHealth, PartnerMark, PartnerRef, StageCount, TimelineEntry,
    TimelineFilter, TimelineKind, TimelineTarget,
};
use partnernet::organisation::model::{Head, Requisites};
use partnernet::partners::model::{
    Contact, HistoryEntry, Note, NoteInput, Partner, PartnerFilter, PartnerInput, PartnerSummary,
    PartnerType, Person, ReadinessCondition, RelationKind, Tie, TieInput, TieKind,
};
use partnernet::persons::model::{
    Membership, MembershipInput, PersonFilter, PersonHistoryEntry, PersonInput, PersonRecord,
    PersonSummary, ResponsibleFor, ResponsibleKind,
};
use partnernet::reports::model::{
    AgreementFigures, AgreementRow, AnnualReport, AudienceFigures, ChartBar, DeficitCover,
    EventFigures, EventResult, FormSeries, PlanMonth, PlanMonthHead, PlanPage, PlanRow,
    ReportCount, ReportInstitution, SchoolYearPlan, YearCharts,
};
use partnernet::search::model::{
    EventMatches, Found, FoundGroup, FoundKind, FoundTarget, SearchResults,
};
use partnernet::settings::Settings;
use partnernet::storage::AppInfo;
use partnernet::vocabulary::{Labeled, Vocabulary};
use partnernet::{ApiError, ErrorCode, FieldError};
use ts_rs::{Config, TS};

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}", T::decl(cfg))
}

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = [
        decl::<ErrorCode>(&cfg),
        decl::<ApiError>(&cfg),
        decl::<FieldError>(&cfg),
        decl::<AppInfo>(&cfg),
        decl::<Labeled>(&cfg),
        decl::<Vocabulary>(&cfg),
        decl::<PartnerType>(&cfg),
        decl::<RelationKind>(&cfg),
        decl::<Gender>(&cfg),
        decl::<ReadinessCondition>(&cfg),
        decl::<Requisites>(&cfg),
        decl::<Head>(&cfg),
        decl::<Contact>(&cfg),
        decl::<PartnerInput>(&cfg),
        decl::<Partner>(&cfg),
        decl::<PartnerSummary>(&cfg),
        decl::<PartnerFilter>(&cfg),
        decl::<partnernet::partners::model::OwnFieldKind>(&cfg),
        decl::<partnernet::partners::model::OwnFieldInput>(&cfg),
        decl::<partnernet::partners::model::OwnField>(&cfg),
        decl::<partnernet::partners::model::OwnFieldValue>(&cfg),
        decl::<partnernet::partners::model::OwnFieldFilter>(&cfg),
        decl::<partnernet::partners::order::PartnerSort>(&cfg),
        decl::<partnernet::partners::order::PartnerSortKey>(&cfg),
        decl::<partnernet::partners::order::SortDir>(&cfg),
        decl::<HistoryEntry>(&cfg),
        decl::<Person>(&cfg),
        decl::<Membership>(&cfg),
        decl::<PersonSummary>(&cfg),
        decl::<ResponsibleKind>(&cfg),
        decl::<ResponsibleFor>(&cfg),
        decl::<PersonRecord>(&cfg),
        decl::<MembershipInput>(&cfg),
        decl::<PersonInput>(&cfg),
        decl::<PersonHistoryEntry>(&cfg),
        decl::<PersonFilter>(&cfg),
        decl::<TieKind>(&cfg),
        decl::<TieInput>(&cfg),
        decl::<Tie>(&cfg),
        decl::<NoteInput>(&cfg),
        decl::<Note>(&cfg),
        decl::<Institution>(&cfg),
        decl::<MatchedPartner>(&cfg),
        decl::<DeficitMatch>(&cfg),
        decl::<Brochure>(&cfg),
        decl::<BrochureSummary>(&cfg),
        decl::<DamagedKind>(&cfg),
        decl::<DamagedRow>(&cfg),
        decl::<DamagedCount>(&cfg),
        decl::<DataCheck>(&cfg),
        decl::<SourceProblem>(&cfg),
        decl::<AgreementKind>(&cfg),
        decl::<AgreementStatus>(&cfg),
        decl::<Art15Items>(&cfg),
        decl::<AgreementParty>(&cfg),
        decl::<PlanItem>(&cfg),
        decl::<AgreementInput>(&cfg),
        decl::<Agreement>(&cfg),
        decl::<AgreementSummary>(&cfg),
        decl::<AgreementFilter>(&cfg),
        decl::<StatusChange>(&cfg),
        decl::<ReminderKind>(&cfg),
        decl::<Reminder>(&cfg),
        decl::<partnernet::agreements::StatusKept>(&cfg),
        decl::<AttachmentKind>(&cfg),
        decl::<Attachment>(&cfg),
        decl::<AgreementTemplate>(&cfg),
        decl::<MergeField>(&cfg),
        decl::<Settings>(&cfg),
        decl::<partnernet::exchange::model::ExchangeSelection>(&cfg),
        decl::<partnernet::exchange::model::Sender>(&cfg),
        decl::<partnernet::exchange::model::RecordKind>(&cfg),
        decl::<partnernet::exchange::model::RecordState>(&cfg),
        decl::<partnernet::exchange::model::FieldDiff>(&cfg),
        decl::<partnernet::exchange::model::PreviewItem>(&cfg),
        decl::<partnernet::exchange::model::ExchangePreview>(&cfg),
        decl::<partnernet::exchange::model::ConflictChoice>(&cfg),
        decl::<partnernet::exchange::model::ExchangeReport>(&cfg),
        decl::<partnernet::backups::Reason>(&cfg),
        decl::<partnernet::backups::Backup>(&cfg),
        decl::<partnernet::backups::BackupsOverview>(&cfg),
        decl::<partnernet::backups::Policy>(&cfg),
        decl::<partnernet::backups::StartBackup>(&cfg),
        decl::<partnernet::notifications::DayNotice>(&cfg),
        decl::<partnernet::demo::remove::DemoData>(&cfg),
        decl::<partnernet::demo::remove::DemoRemoved>(&cfg),
        decl::<partnernet::start_over::StartedOver>(&cfg),
        decl::<EventForm>(&cfg),
        decl::<EventFormInput>(&cfg),
        decl::<Audience>(&cfg),
        decl::<EventStatus>(&cfg),
        decl::<Frequency>(&cfg),
        decl::<Recurrence>(&cfg),
        decl::<EventInput>(&cfg),
        decl::<OccurrenceChange>(&cfg),
        decl::<Event>(&cfg),
        decl::<Occurrence>(&cfg),
        decl::<EventFilter>(&cfg),
        decl::<RangeQuery>(&cfg),
        decl::<CalendarRange>(&cfg),
        decl::<DayCount>(&cfg),
        decl::<ConflictReason>(&cfg),
        decl::<Conflict>(&cfg),
        decl::<EventSaved>(&cfg),
        decl::<EventsDigest>(&cfg),
        decl::<SchoolYearPlan>(&cfg),
        decl::<partnernet::reports::plan_signatures::PlanSignatures>(&cfg),
        decl::<PlanMonth>(&cfg),
        decl::<PlanRow>(&cfg),
        decl::<PlanPage>(&cfg),
        decl::<PlanMonthHead>(&cfg),
        decl::<AnnualReport>(&cfg),
        decl::<ReportInstitution>(&cfg),
        decl::<ReportCount>(&cfg),
        decl::<AgreementFigures>(&cfg),
        decl::<AgreementRow>(&cfg),
        decl::<EventFigures>(&cfg),
        decl::<AudienceFigures>(&cfg),
        decl::<EventResult>(&cfg),
        decl::<DeficitCover>(&cfg),
        decl::<YearCharts>(&cfg),
        decl::<FormSeries>(&cfg),
        decl::<ChartBar>(&cfg),
        decl::<ImportAction>(&cfg),
        decl::<ImportItem>(&cfg),
        decl::<ImportFile>(&cfg),
        decl::<ImportPreview>(&cfg),
        decl::<ImportReport>(&cfg),
        decl::<ImportField>(&cfg),
        decl::<ImportFieldOption>(&cfg),
        decl::<ImportSource>(&cfg),
        decl::<RowAction>(&cfg),
        decl::<MatchKind>(&cfg),
        decl::<RowMatch>(&cfg),
        decl::<ImportRow>(&cfg),
        decl::<ImportPlan>(&cfg),
        decl::<RowDecision>(&cfg),
        decl::<ImportRequest>(&cfg),
        decl::<ImportBatch>(&cfg),
        decl::<FileFormat>(&cfg),
        decl::<ExportTarget>(&cfg),
        decl::<partnernet::exports::lists::trash::TrashKind>(&cfg),
        decl::<partnernet::exports::lists::trash::TrashItem>(&cfg),
        decl::<OpenPurpose>(&cfg),
        decl::<FileFilter>(&cfg),
        decl::<FileDialogOptions>(&cfg),
        decl::<HealthFlagKind>(&cfg),
        decl::<HealthFlag>(&cfg),
        decl::<PartnerRef>(&cfg),
        decl::<PartnerHealth>(&cfg),
        decl::<StageCount>(&cfg),
        decl::<NetworkHealth>(&cfg),
        decl::<HealthView>(&cfg),
        decl::<FlagCount>(&cfg),
        decl::<PartnerMark>(&cfg),
        decl::<TimelineKind>(&cfg),
        decl::<TimelineTarget>(&cfg),
        decl::<TimelineEntry>(&cfg),
        decl::<TimelineFilter>(&cfg),
        decl::<FoundKind>(&cfg),
        decl::<FoundTarget>(&cfg),
        decl::<Found>(&cfg),
        decl::<FoundGroup>(&cfg),
        decl::<SearchResults>(&cfg),
        decl::<EventMatches>(&cfg),
        decl::<MapQuery>(&cfg),
        decl::<MapNode>(&cfg),
        decl::<MapEdge>(&cfg),
        decl::<NetworkMap>(&cfg),
        decl::<MapLegendItem>(&cfg),
    ];
    format!(
        "// Generated from the Rust types by tests/bindings.rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test --test bindings` after changing them.\n\n{}\n",
        decls.join("\n\n")
    )
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings.ts");
    let fresh = generate();
    if std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test --test bindings`"
    );
}
