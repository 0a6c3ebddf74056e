//! Agreement drafts read back from real files: the PDF through pdftotext,
//! pdffonts and qpdf; the DOCX through LibreOffice.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use common::{now, open, p, parties, run, school};
use partnernet::agreements::model::{
    AgreementInput, AgreementKind, AgreementParty, Art15Items, PlanItem,
};
use partnernet::agreements::{self, output, render, variants};
use partnernet::grammar::Gender;
use partnernet::institution::model::Institution;
use partnernet::organisation::model::{Head, Requisites};
use partnernet::partners::model::{PartnerInput, PartnerType};
use partnernet::validation::make;
use partnernet::Storage;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

/// Text with hyphenation undone and whitespace collapsed.
fn flat(text: &str) -> String {
    let joined = text.replace("-\n", "-").replace('\u{ad}', "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub const BIK: &str = "046850649";

fn institution() -> Institution {
    Institution {
        full_name: "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»".into(),
        short_name: "МБУ ДО «ДДТ»".into(),
        city: "Котовск".into(),
        region: "Тамбовская область".into(),
        requisites: Requisites {
            inn: make::inn10("682500777"),
            kpp: "682501001".into(),
            ogrn: make::ogrn13("102680000777"),
            legal_address: "393190, Тамбовская обл., г. Котовск, ул. Октябрьская, д. 18".into(),
            phone: "8 (47541) 4-12-34".into(),
            email: "ddt-kotovsk@example.ru".into(),
            bik: BIK.into(),
            bank_account: make::bank_account(BIK, "03234643", 7),
            corr_account: make::corr_account(BIK),
            bank_name: "Отделение Тамбов Банка России".into(),
            ..Requisites::default()
        },
        head: Head {
            surname: "Мишина".into(),
            name: "Валентина".into(),
            patronymic: "Ивановна".into(),
            gender: Some(Gender::Female),
            position: "директор".into(),
            position_genitive: String::new(),
            basis: "Устава".into(),
        },
        ..Institution::default()
    }
}

fn museum() -> PartnerInput {
    PartnerInput {
        partner_type: PartnerType::CultureSport,
        full_name: "Муниципальное бюджетное учреждение культуры «Котовский краеведческий музей»"
            .into(),
        short_name: "МБУК «Краеведческий музей»".into(),
        requisites: Requisites {
            inn: make::inn10("682500555"),
            kpp: "682501001".into(),
            ogrn: make::ogrn13("102680000555"),
            legal_address: "393190, Тамбовская обл., г. Котовск, ул. Кирова, д. 5".into(),
            phone: "8 (47541) 4-55-66".into(),
            email: "museum@example.ru".into(),
            bik: BIK.into(),
            bank_account: make::bank_account(BIK, "40701810", 55),
            corr_account: make::corr_account(BIK),
            bank_name: "Отделение Тамбов".into(),
            ..Requisites::default()
        },
        head: Head {
            surname: "Кузнецов".into(),
            name: "Сергей".into(),
            patronymic: "Александрович".into(),
            gender: Some(Gender::Male),
            position: "заведующий".into(),
            position_genitive: String::new(),
            basis: "Устава".into(),
        },
        ..PartnerInput::default()
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    storage: Storage,
    id: i64,
    partners: Vec<PartnerInput>,
}

/// An Art. 15 agreement of the institution with a school and a museum.
fn network_agreement() -> Setup {
    let (dir, mut storage) = open();
    partnernet::institution::save(&mut storage, institution(), now()).expect("institution");
    let partners = vec![school(1), museum()];
    let ids: Vec<i64> = partners
        .iter()
        .map(|p| {
            partnernet::partners::create(&mut storage, p.clone(), now())
                .expect("partner")
                .id
        })
        .collect();
    let input = AgreementInput {
        kind: AgreementKind::NetworkProgram,
        number: "12/2026".into(),
        date: d(2026, 9, 1),
        place: "г. Котовск".into(),
        own_role: "Базовая организация".into(),
        parties: parties(&ids),
        subject: "Совместная реализация дополнительной общеобразовательной общеразвивающей программы «Юный краевед» с использованием сетевой формы".into(),
        art15: Art15Items {
            programme: "Дополнительная общеобразовательная общеразвивающая программа «Юный краевед», стартовый уровень, туристско-краеведческая направленность".into(),
            learners: "Обучающиеся принимаются Базовой организацией по заявлениям родителей (законных представителей) и сохраняют статус её обучающихся; занятия в музее проводятся по расписанию".into(),
            duties: "Базовая организация обеспечивает педагогов и учёт результатов; школа предоставляет кабинет; музей предоставляет экспозиции и проводит экскурсии".into(),
            documents: "Базовая организация выдаёт обучающимся сертификат об освоении программы".into(),
            term: "Договор изменяется дополнительным соглашением и прекращается по соглашению Сторон или по истечении срока".into(),
        },
        start_date: d(2026, 9, 1),
        end_date: d(2027, 8, 31),
        auto_prolong: true,
        prolong_months: Some(12),
        plan: vec![
            PlanItem {
                title: "Экскурсия «Котовск в годы войны»".into(),
                period: "Октябрь 2026".into(),
                responsible: "Кузнецов С.А.".into(),
            },
            PlanItem {
                title: "Выставка работ обучающихся".into(),
                period: "Май 2027".into(),
                responsible: "Мишина В.И.".into(),
            },
        ],
        ..AgreementInput::default()
    };
    let id = agreements::create(&mut storage, input, now())
        .expect("agreement")
        .id;
    Setup {
        _dir: dir,
        storage,
        id,
        partners,
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn network_agreement_pdf_holds_preamble_requisites_and_signatures() {
    let s = network_agreement();
    let bytes = render::render_pdf(&s.storage, s.id, now()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(dir.path(), "agreement.pdf", &bytes);
    let check = run("qpdf", &["--check", p(&pdf)]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = run("pdffonts", &[p(&pdf)]);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(cols.len() >= 5, "{fonts}");
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {line}");
    }
    let text = flat(&run("pdftotext", &["-enc", "UTF-8", p(&pdf), "-"]));
    for expected in [
        "ДОГОВОР № 12/2026",
        "о сетевой форме реализации образовательной программы",
        "г. Котовск",
        "«01» сентября 2026 г.",
        "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества», именуемое в дальнейшем «Базовая организация», в лице директора Мишиной Валентины Ивановны, действующей на основании Устава, с одной стороны,",
        "именуемое в дальнейшем «Организация-участник 1», в лице директора Ивановой Марии Петровны, действующей на основании Устава,",
        "и Муниципальное бюджетное учреждение культуры «Котовский краеведческий музей», именуемое в дальнейшем «Организация-участник 2», в лице заведующего Кузнецова Сергея Александровича, действующего на основании Устава, с другой стороны",
        "I. Предмет Договора",
        "II. Организация реализации образовательной программы с использованием сетевой формы",
        "III. Финансовое обеспечение реализации образовательной программы",
        "IV. Срок действия Договора",
        "V. Ответственность Сторон",
        "VI. Порядок изменения и прекращения Договора",
        "VII. Заключительные положения",
        "VIII. Адреса, реквизиты и подписи Сторон",
        "без взаимных расчётов",
        "№ 882/391",
        "Количество обучающихся, осваивающих образовательную программу с использованием сетевой формы: ____________ человек.",
        "туристско-краеведческая направленность",
        "с 1 сентября 2026 г. и действует по 31 августа 2027 г. включительно (срок действия — 1 год)",
        "считается продлённым на 1 год",
        "составлен в трёх экземплярах",
        "_____________ / В.И. Мишина /",
        "_____________ / М.П. Иванова /",
        "_____________ / С.А. Кузнецов /",
        "М.П.",
        "Приложение № 1",
        "Экскурсия «Котовск в годы войны»",
    ] {
        assert!(text.contains(expected), "«{expected}» missing from:\n{text}");
    }
    let inst = institution();
    let all_requisites =
        std::iter::once(&inst.requisites).chain(s.partners.iter().map(|p| &p.requisites));
    for r in all_requisites {
        for value in [
            &r.inn,
            &r.ogrn,
            &r.bank_account,
            &r.corr_account,
            &r.legal_address,
        ] {
            assert!(text.contains(value.as_str()), "requisite «{value}» missing");
        }
    }
    // «М.П.» under every party in the requisites and under the annex, plus
    // the initials of Мария Петровна in her two signature lines.
    assert!(
        text.matches("М.П.").count() >= 3 * 2 + 2,
        "М.П. under every party, twice"
    );

    // The requisites table stays on one page: every party's signature and
    // ИНН are on the page that has the heading.
    let pages = run("pdftotext", &["-enc", "UTF-8", p(&pdf), "-"]);
    let page = pages
        .split('\u{c}')
        .map(flat)
        .find(|pg| pg.contains("реквизиты и подписи Сторон"))
        .expect("requisites page");
    for name in ["/ В.И. Мишина /", "/ М.П. Иванова /", "/ С.А. Кузнецов /"]
    {
        assert!(page.contains(name), "{name} not on the requisites page");
    }
    assert!(page.contains(inst.requisites.inn.as_str()));
}

/// Lower-case words of letters and digits: hyphens, dashes and
/// punctuation do not count; page numbers (lines of digits only) are dropped.
fn words(text: &str) -> Vec<String> {
    let joined = text.replace("-\n", "").replace('\u{ad}', "");
    joined
        .lines()
        .filter(|l| !l.trim().chars().all(|c| c.is_ascii_digit()))
        .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn docx_converts_with_libreoffice_and_holds_the_same_text() {
    let s = network_agreement();
    let dir = tempfile::tempdir().expect("tempdir");
    let docx_bytes = render::render_docx(&s.storage, s.id, now()).expect("docx");
    let docx = write(dir.path(), "agreement.docx", &docx_bytes);
    let pdf = write(
        dir.path(),
        "engine.pdf",
        &render::render_pdf(&s.storage, s.id, now()).expect("pdf"),
    );
    // Real Word headings and the page set-up.
    let xml = run("unzip", &["-p", p(&docx), "word/document.xml"]);
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading1" />"#) || xml.contains(r#"w:val="Heading1""#),
        "no Heading1"
    );
    assert!(
        xml.contains(r#"w:jc w:val="both""#),
        "no justified paragraphs"
    );
    assert!(xml.contains("w:tbl"), "no table");
    let styles = run("unzip", &["-p", p(&docx), "word/styles.xml"]);
    assert!(styles.contains("heading 1"), "no heading 1 style");
    assert!(styles.contains("Times New Roman"), "no Times New Roman");

    let out_dir = dir.path().join("lo");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        p(&dir.path().join("profile"))
    );
    let status = Command::new("libreoffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            p(&out_dir),
            p(&docx),
        ])
        .output()
        .unwrap_or_else(|e| {
            panic!("LibreOffice is required (Debian package libreoffice-writer-nogui): {e}")
        });
    let converted = out_dir.join("agreement.pdf");
    assert!(
        status.status.success() && converted.exists(),
        "LibreOffice failed: {}{}",
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
    // PARTNERNET_RENDER_OUT=DIR keeps the files for a look.
    if let Ok(keep) = std::env::var("PARTNERNET_RENDER_OUT") {
        for (from, to) in [
            (&pdf, "agreement.pdf"),
            (&docx, "agreement.docx"),
            (&converted, "agreement-lo.pdf"),
        ] {
            std::fs::copy(from, Path::new(&keep).join(to)).expect("keep a copy");
        }
    }
    let ours = words(&run("pdftotext", &["-raw", "-enc", "UTF-8", p(&pdf), "-"]));
    let theirs = words(&run(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", p(&converted), "-"],
    ));
    assert!(ours.len() > 600, "too little text: {}", ours.len());
    assert_eq!(
        sorted(ours.clone()),
        sorted(theirs.clone()),
        "the DOCX holds other words than the PDF"
    );
    // Reading order of the running text (up to the requisites) is the same.
    let cut = |w: &[String]| -> Vec<String> {
        let end = w.iter().position(|x| x == "реквизиты").unwrap_or(w.len());
        w[..end].to_vec()
    };
    assert_eq!(cut(&ours), cut(&theirs));
}

#[test]
fn one_partner_cooperation_reads_right() {
    let (_dir, mut storage) = open();
    partnernet::institution::save(&mut storage, institution(), now()).expect("institution");
    let id = partnernet::partners::create(&mut storage, museum(), now())
        .expect("partner")
        .id;
    let input = AgreementInput {
        kind: AgreementKind::Cooperation,
        date: d(2026, 10, 5),
        parties: vec![AgreementParty {
            partner_id: id,
            role: "Музей".into(),
        }],
        subject: "организация совместных мероприятий".into(),
        start_date: d(2026, 10, 5),
        end_date: d(2027, 6, 30),
        ..AgreementInput::default()
    };
    let a = agreements::create(&mut storage, input, now()).expect("agreement");
    let bytes = render::render_pdf(&storage, a.id, now()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(dir.path(), "c.pdf", &bytes);
    if let Ok(keep) = std::env::var("PARTNERNET_RENDER_OUT") {
        std::fs::copy(&pdf, Path::new(&keep).join("cooperation.pdf")).expect("keep a copy");
    }
    let text = flat(&run("pdftotext", &["-enc", "UTF-8", p(&pdf), "-"]));
    for expected in [
        "СОГЛАШЕНИЕ №",
        "о сотрудничестве (сетевом взаимодействии)",
        "«05» октября 2026 г.",
        "с одной стороны, и Муниципальное бюджетное учреждение культуры «Котовский краеведческий музей», именуемое в дальнейшем «Музей», в лице заведующего Кузнецова Сергея Александровича, действующего на основании Устава, с другой стороны",
        "Предметом настоящего соглашения является организация совместных мероприятий.",
        "составлено в двух экземплярах",
        "_____________ / С.А. Кузнецов /",
    ] {
        assert!(text.contains(expected), "«{expected}» missing from:\n{text}");
    }
    assert!(!text.contains("Приложение № 1"), "no plan, no annex");
    assert!(!text.contains("продлённым"), "no prolongation clause");
}

#[test]
fn template_errors_are_russian_with_their_line() {
    let s = network_agreement();
    let broken = "[[title]] ДОГОВОР\n\nТекст {{ number }}\n\n{% if auto_prolong %}\nпродление\n";
    let err = render::validate_template(broken).unwrap_err().to_string();
    assert!(err.contains("Строка") && err.contains("не закрыт"), "{err}");
    let err =
        render::validate_template("a\n\n{% for row in plan %}\n{{ row.titel }}\n{% endfor %}\n")
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("Строка 4") && err.contains("нет поля «row.titel», может быть, «row.title»?"),
        "{err}"
    );
    let err = render::validate_template("[[requisities]]")
        .unwrap_err()
        .to_string();
    assert!(err.contains("неизвестная строка-метка"), "{err}");
    let problem = render::preview_source(&s.storage, s.id, Some("a\n\n{{ own.hed.name }}"), now())
        .unwrap_err();
    assert_eq!(problem.line, Some(3), "{problem:?}");
    assert!(
        problem
            .message
            .contains("нет поля «own.hed», может быть, «own.head»?"),
        "{}",
        problem.message
    );
    let problem =
        render::preview_source(&s.storage, s.id, Some("{{ number | frobnicate }}"), now())
            .unwrap_err();
    assert!(
        problem.message.contains("неизвестный фильтр «frobnicate»"),
        "{}",
        problem.message
    );
    let problem =
        render::preview_source(&s.storage, s.id, Some("[[requisities]]"), now()).unwrap_err();
    assert!(
        problem.message.contains("неизвестная строка-метка"),
        "{}",
        problem.message
    );
}

#[test]
fn the_sandbox_reads_no_files_and_values_make_no_markup() {
    let s = network_agreement();
    for source in [
        "{% include \"/etc/passwd\" %}",
        "{% extends \"/etc/hostname\" %}",
        "{% import \"../../Cargo.toml\" as x %}",
    ] {
        let problem = render::preview_source(&s.storage, s.id, Some(source), now()).unwrap_err();
        assert!(
            problem.message.contains("запрещена") && problem.line == Some(1),
            "{source}: {problem:?}"
        );
    }
    let problem =
        render::preview_source(&s.storage, s.id, Some("{{ env('HOME') }}"), now()).unwrap_err();
    assert!(
        problem.message.contains("неизвестная функция"),
        "{problem:?}"
    );
    // A value that looks like markup is printed as it is.
    let mut input = agreements::get(&s.storage, s.id).expect("get").data;
    input.subject = "[[requisites]] *звёздочки* и # решётка".into();
    let mut storage = s.storage;
    agreements::update(&mut storage, s.id, input, now()).expect("update");
    let bytes =
        render::preview_source(&storage, s.id, Some("{{ subject }}\n"), now()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let text = flat(&run(
        "pdftotext",
        &["-enc", "UTF-8", p(&write(dir.path(), "x.pdf", &bytes)), "-"],
    ));
    assert!(
        text.contains("[[requisites]] *звёздочки* и # решётка"),
        "{text}"
    );
}

#[test]
fn custom_templates_render_and_reset() {
    let mut s = network_agreement();
    let kind = AgreementKind::NetworkProgram;
    assert!(
        !render::template(&s.storage, kind)
            .expect("template")
            .customized
    );
    let custom = "[[title]] СВОЙ ШАБЛОН № {{ number }}\n\nТекст для {{ own.head.in_person }}.\n\n[[requisites]]\n";
    output::save_template(&mut s.storage, kind, custom, now()).expect("save");
    let t = render::template(&s.storage, kind).expect("template");
    assert!(t.customized && t.source == custom);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("Договор 12-2026.pdf");
    render::render_to_file(&s.storage, s.id, &path, now()).expect("to file");
    let text = flat(&run("pdftotext", &["-enc", "UTF-8", p(&path), "-"]));
    assert!(text.contains("СВОЙ ШАБЛОН № 12/2026"), "{text}");
    assert!(
        text.contains("Текст для директора Мишиной Валентины Ивановны."),
        "{text}"
    );
    variants::reset(&mut s.storage, t.id, now()).expect("reset");
    assert_eq!(
        render::template(&s.storage, kind).expect("template").source,
        render::default_template(kind)
    );
    let docx = dir.path().join("d.DOCX");
    render::render_to_file(&s.storage, s.id, &docx, now()).expect("docx to file");
    assert!(std::fs::metadata(&docx).expect("written").len() > 2000);
    let bad = dir.path().join("d.odt");
    let err = render::render_to_file(&s.storage, s.id, &bad, now())
        .unwrap_err()
        .to_string();
    assert!(err.contains(".pdf или .docx"), "{err}");
    assert!(!bad.exists());
    let fields = render::merge_fields(
        &s.storage,
        Some(&agreements::get(&s.storage, s.id).expect("get")),
    )
    .expect("fields");
    let f = |n: &str| {
        fields
            .iter()
            .find(|f| f.name == n)
            .map(|f| f.example.clone())
    };
    assert_eq!(
        f("own.head.in_person").as_deref(),
        Some("директора Мишиной Валентины Ивановны")
    );
    assert_eq!(f("partners[0].head.acting").as_deref(), Some("действующей"));
    assert_eq!(f("copies_words").as_deref(), Some("трёх"));
}
