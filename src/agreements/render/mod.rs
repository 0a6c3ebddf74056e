//! Agreement drafts: a template (Markdown with minijinja merge fields) is
//! filled from the agreement, the own institution and the partners, turned
//! into document blocks, and written as PDF (the document engine) or DOCX.
//!
//! Templates are sandboxed: they can read only the context passed to them
//! (see [`merge_fields`]); `include`, `extends` and `import` find nothing.

pub mod compose;
pub mod context;
mod docx;
pub mod engine;
mod fields;
pub mod names;
mod unknown;

use std::path::Path;

use chrono::NaiveDateTime;

use crate::agreements::model::{
    Agreement, AgreementInput, AgreementKind, AgreementStatus, AgreementTemplate, MergeField,
};
use crate::brochures::model::SourceProblem;
use crate::documents::model::{Document, Metadata, PageSetup};
use crate::documents::{self, DocumentError};
use crate::error::{CoreError, FieldError, Result};
use crate::storage::Storage;

pub use context::Context;
pub use engine::TemplateError;
pub use fields::fields_for;

/// The built-in template of a kind.
pub fn default_template(kind: AgreementKind) -> &'static str {
    super::templates_store::builtin_text(kind)
}

/// The default template of `kind`: hers marked so, or the built-in one.
pub fn template(storage: &Storage, kind: AgreementKind) -> Result<AgreementTemplate> {
    super::templates_store::default_of(storage.conn(), kind).map(super::templates_store::full)
}

/// Checks a template: its syntax, and a trial run on a sample agreement
/// (every field filled, a plan row, prolongation on) that finds unknown
/// fields, filters and marker lines. The error names the line, in Russian.
pub fn validate_template(source: &str) -> Result<()> {
    let invalid =
        |e: TemplateError| CoreError::Validation(vec![FieldError::new("source", e.to_string())]);
    engine::check(source).map_err(invalid)?;
    let (sample, root) = SAMPLE.get_or_init(|| {
        let sample = sample_context();
        let root = merge_root(&sample);
        (sample, root)
    });
    let text = engine::render_root(source, root).map_err(invalid)?;
    compose::compose(&text, sample).map_err(invalid)?;
    Ok(())
}

/// The sample agreement of [`validate_template`], built and converted once.
static SAMPLE: std::sync::OnceLock<(Context, engine::Root)> = std::sync::OnceLock::new();

/// A context with every list non-empty, for trial runs of a template.
fn sample_context() -> Context {
    let input = AgreementInput {
        parties: vec![crate::agreements::model::AgreementParty {
            partner_id: 0,
            role: "Партнёр".into(),
        }],
        auto_prolong: true,
        plan: vec![crate::agreements::model::PlanItem {
            title: "Мероприятие".into(),
            period: "Сентябрь".into(),
            responsible: "Ответственный".into(),
        }],
        ..AgreementInput::default()
    };
    let now = chrono::NaiveDateTime::default();
    context::build(&unsaved(&input, now), &Default::default(), &[])
}

/// Why a draft could not be made.
#[derive(Debug)]
enum Failure {
    Core(CoreError),
    Template(TemplateError),
    Document(DocumentError),
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        Failure::Core(e)
    }
}

impl From<TemplateError> for Failure {
    fn from(e: TemplateError) -> Self {
        Failure::Template(e)
    }
}

impl From<DocumentError> for Failure {
    fn from(e: DocumentError) -> Self {
        Failure::Document(e)
    }
}

impl From<Failure> for CoreError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Core(e) => e,
            Failure::Template(e) => CoreError::Document(format!("Ошибка в шаблоне договора. {e}")),
            Failure::Document(e) => CoreError::Document(e.to_string()),
        }
    }
}

impl From<Failure> for SourceProblem {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Template(e) => SourceProblem {
                line: e.line.and_then(|l| u32::try_from(l).ok()),
                message: e.message,
            },
            Failure::Core(e) => SourceProblem {
                line: None,
                message: e.to_string(),
            },
            Failure::Document(e) => SourceProblem {
                line: None,
                message: e.to_string(),
            },
        }
    }
}

/// The merge context of an agreement. A party whose partner's row does not
/// read is the error, naming it ([`super::parties`]).
pub fn context(storage: &Storage, agreement: &Agreement) -> Result<Context> {
    let inst = crate::institution::get(storage)?;
    let partners = super::parties::partners(storage.conn(), &agreement.data)?;
    let mut ctx = context::build(agreement, &inst, &partners);
    let ids: Vec<i64> = agreement
        .data
        .parties
        .iter()
        .map(|p| p.partner_id)
        .collect();
    own_fields(storage, &ids, &partners, &mut ctx)?;
    Ok(ctx)
}

/// Each partner party's own fields (every live field, «» when not filled),
/// shown as on the card; the parties are the partners' in the same order.
fn own_fields(
    storage: &Storage,
    ids: &[i64],
    partners: &[crate::partners::model::Partner],
    ctx: &mut Context,
) -> Result<()> {
    use crate::partners::own_values::{shown, value_of};
    let fields = crate::partners::own_fields::list(storage)?;
    let of = |p: &crate::partners::model::Partner| {
        fields
            .iter()
            .map(|f| {
                (
                    f.name.clone(),
                    shown(f.kind, value_of(&p.data.own_fields, f.id)),
                )
            })
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let empty: std::collections::BTreeMap<String, String> = fields
        .iter()
        .map(|f| (f.name.clone(), String::new()))
        .collect();
    for (i, party) in ctx.partners.iter_mut().enumerate() {
        let found = ids
            .get(i)
            .and_then(|id| partners.iter().find(|p| p.id == *id));
        party.own_fields = found.map(of).unwrap_or_else(|| empty.clone());
    }
    for (party, partner) in ctx
        .parties
        .iter_mut()
        .filter(|p| !p.is_own)
        .zip(&ctx.partners)
    {
        party.own_fields = partner.own_fields.clone();
    }
    Ok(())
}

/// What a template reads: the context with every field under its English
/// and its Russian name ([`names`]).
pub fn merge_values(ctx: &Context) -> serde_json::Value {
    names::bilingual(&serde_json::to_value(ctx).unwrap_or_default())
}

/// [`merge_values`] converted for the engine ([`engine::render_root`]).
pub fn merge_root(ctx: &Context) -> engine::Root {
    engine::Root::new(&merge_values(ctx))
}

/// A stored-looking agreement around an unsaved form, for previews.
fn unsaved(input: &AgreementInput, now: NaiveDateTime) -> Agreement {
    Agreement {
        id: 0,
        data: input.clone(),
        status: AgreementStatus::Draft,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    }
}

fn document(
    storage: &Storage,
    agreement: &Agreement,
    source: Option<&str>,
) -> std::result::Result<Document, Failure> {
    let ctx = context(storage, agreement)?;
    let owned;
    let source = match source {
        Some(s) => s,
        None => {
            owned = super::templates_store::of_agreement(storage.conn(), &agreement.data)?.source;
            owned.as_str()
        }
    };
    let text = engine::render_root(source, &merge_root(&ctx))?;
    let blocks = compose::compose(&text, &ctx)?;
    Ok(Document {
        meta: Metadata {
            title: format!("{} № {} {}", ctx.title, ctx.number, ctx.title_about),
            author: ctx.own.short_name.clone(),
            subject: ctx.subject.clone(),
            keywords: ctx.partners.iter().map(|p| p.short_name.clone()).collect(),
        },
        blocks,
    })
}

fn pdf(doc: &Document, created: NaiveDateTime) -> std::result::Result<Vec<u8>, Failure> {
    Ok(documents::render(doc, &PageSetup::agreement(), created)?)
}

fn docx_bytes(doc: &Document, created: NaiveDateTime) -> Result<Vec<u8>> {
    docx::write_docx(doc, &PageSetup::agreement(), created)
}

/// The PDF draft of a stored agreement, with the template in use.
pub fn render_pdf(storage: &Storage, id: i64, created: NaiveDateTime) -> Result<Vec<u8>> {
    let agreement = super::get(storage, id)?;
    let doc = document(storage, &agreement, None)?;
    Ok(pdf(&doc, created)?)
}

/// The editable DOCX of a stored agreement: the same text as the PDF.
pub fn render_docx(storage: &Storage, id: i64, created: NaiveDateTime) -> Result<Vec<u8>> {
    let agreement = super::get(storage, id)?;
    let doc = document(storage, &agreement, None)?;
    docx_bytes(&doc, created)
}

/// Which format a file name asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
}

/// `.pdf` or `.docx` (any case); anything else is refused in Russian.
pub fn format_of(path: &Path) -> Result<Format> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => Ok(Format::Pdf),
        "docx" => Ok(Format::Docx),
        _ => Err(CoreError::BadInput(format!(
            "договор можно сохранить только в PDF или DOCX: укажите имя файла с расширением .pdf или .docx (сейчас «{}»)",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ))),
    }
}

/// Renders the agreement into `path`, PDF or DOCX by the extension. The
/// file is written through a temporary file and renamed into place.
pub fn render_to_file(storage: &Storage, id: i64, path: &Path, now: NaiveDateTime) -> Result<()> {
    let bytes = match format_of(path)? {
        Format::Pdf => render_pdf(storage, id, now)?,
        Format::Docx => render_docx(storage, id, now)?,
    };
    crate::storage::files::write_atomic(path, &bytes)
}

/// The template editor's live preview: the stored agreement `id` rendered
/// with `template_source` (or the template in use) as PDF.
pub fn preview_source(
    storage: &Storage,
    id: i64,
    template_source: Option<&str>,
    created: NaiveDateTime,
) -> std::result::Result<Vec<u8>, SourceProblem> {
    let agreement = super::get(storage, id).map_err(Failure::Core)?;
    let doc = document(storage, &agreement, template_source)?;
    Ok(pdf(&doc, created)?)
}

/// The agreement editor's live preview of an unsaved form.
pub fn preview_input(
    storage: &Storage,
    input: &AgreementInput,
    template_source: Option<&str>,
    created: NaiveDateTime,
) -> std::result::Result<Vec<u8>, SourceProblem> {
    let doc = document(storage, &unsaved(input, created), template_source)?;
    Ok(pdf(&doc, created)?)
}

/// The merge fields for the template editor, with the values of
/// `agreement` as examples (empty examples without one).
pub fn merge_fields(storage: &Storage, agreement: Option<&Agreement>) -> Result<Vec<MergeField>> {
    let ctx = match agreement {
        Some(a) => Some(context(storage, a)?),
        None => None,
    };
    let mut out = fields_for(ctx.as_ref());
    let names: Vec<String> = crate::partners::own_fields::list(storage)?
        .into_iter()
        .map(|f| f.name)
        .collect();
    // Her own fields go last among the partners' fields.
    let at = out
        .iter()
        .rposition(|f| f.group == names::Group::Partners.label())
        .map_or(out.len(), |i| i + 1);
    let own = fields::own_fields_for(&names, ctx.as_ref());
    out.splice(at..at, own);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_templates_are_valid() {
        for kind in [AgreementKind::NetworkProgram, AgreementKind::Cooperation] {
            validate_template(default_template(kind)).expect("valid default");
        }
    }

    #[test]
    fn only_pdf_and_docx() {
        assert_eq!(format_of(Path::new("a/Б.PDF")).ok(), Some(Format::Pdf));
        assert_eq!(format_of(Path::new("b.docx")).ok(), Some(Format::Docx));
        let e = format_of(Path::new("c.odt")).unwrap_err().to_string();
        assert!(e.contains(".pdf или .docx"), "{e}");
    }
}
