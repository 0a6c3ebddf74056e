//! The validators against published real requisites, and the exact Russian
//! messages for wrong digits, wrong lengths, letters and empty input.
//!
//! Every «published» number below was checked by computing its check
//! digits; only numbers that truly pass are used.

use partnernet::validation::{self, make, CheckError, InnKind, OgrnKind};

fn msg<T: std::fmt::Debug>(r: Result<T, CheckError>) -> String {
    r.expect_err("must be rejected").to_string()
}

// ПАО Сбербанк: requisites published on sberbank.ru («Реквизиты ПАО
// Сбербанк») and in the Bank of Russia's directory of credit institutions
// (cbr.ru): ИНН 7707083893, КПП 773601001, ОГРН 1027700132195,
// БИК 044525225, к/с 30101810400000000225.
#[test]
fn sberbank() {
    assert_eq!(validation::inn("7707083893"), Ok(InnKind::Legal));
    assert_eq!(validation::kpp("773601001"), Ok(()));
    assert_eq!(validation::ogrn("1027700132195"), Ok(OgrnKind::Legal));
    assert_eq!(validation::bik("044525225"), Ok(()));
    assert_eq!(
        validation::corr_account("30101810400000000225", "044525225"),
        Ok(())
    );
}

// ФНС России (nalog.gov.ru): ИНН 7707329152, ОГРН 1047707030513.
// Банк России (cbr.ru): ИНН 7702235133, ОГРН 1037700013020.
#[test]
fn federal_bodies() {
    assert_eq!(validation::inn("7707329152"), Ok(InnKind::Legal));
    assert_eq!(validation::ogrn("1047707030513"), Ok(OgrnKind::Legal));
    assert_eq!(validation::inn("7702235133"), Ok(InnKind::Legal));
    assert_eq!(validation::ogrn("1037700013020"), Ok(OgrnKind::Legal));
}

// The requisites for the единый налоговый платёж, published by the tax
// service (nalog.gov.ru, «Реквизиты для перечисления ЕНП»): recipient
// Казначейство России (ФНС России), ИНН 7727406020, КПП 770801001; bank
// ОТДЕЛЕНИЕ ТУЛА БАНКА РОССИИ//УФК по Тульской области, БИК 017003983;
// единый казначейский счёт (the к/с field) 40102810445370000059;
// казначейский счёт (the р/с field) 03100643000000018500.
#[test]
fn treasury_requisites_of_the_single_tax_payment() {
    assert_eq!(validation::inn("7727406020"), Ok(InnKind::Legal));
    assert_eq!(validation::kpp("770801001"), Ok(()));
    assert_eq!(validation::bik("017003983"), Ok(()));
    assert_eq!(
        validation::corr_account("40102810445370000059", "017003983"),
        Ok(())
    );
    // A treasury account has no control key: only its 20 digits are checked.
    assert_eq!(
        validation::bank_account("03100643000000018500", "017003983"),
        Ok(())
    );
    // The ЕКС is a correspondent-type account: a typo in it is caught.
    assert!(validation::corr_account("40102810445370000058", "017003983").is_err());
}

// A non-profit's bank details published on its donation page (kddg.ru/donate,
// АНО «Клуб добрых друзей города»): ИНН 7813669506, ОГРН 1227800168804,
// р/с 40703 810 8 9048 0000101 in ПАО «Банк «Санкт-Петербург»,
// БИК 044030790, к/с 30101810900000000790.
#[test]
fn bank_account_published_with_spaces() {
    assert_eq!(validation::inn("7813669506"), Ok(InnKind::Legal));
    assert_eq!(validation::ogrn("1227800168804"), Ok(OgrnKind::Legal));
    assert_eq!(
        validation::bank_account("40703 810 8 9048 0000101", "044030790"),
        Ok(())
    );
    assert_eq!(
        validation::corr_account("30101810900000000790", "044030790"),
        Ok(())
    );
    assert_eq!(
        msg(validation::bank_account(
            "40703810890480000102",
            "044030790"
        )),
        "Расчётный счёт 40703810890480000102 не соответствует БИК 044030790: не сходится \
         контрольный ключ. Проверьте номер счёта и БИК — вероятно, опечатка."
    );
    // The right account with another bank's БИК.
    assert!(validation::bank_account("40703810890480000101", "044525225").is_err());
}

// A 12-digit ИНН and an ОГРНИП that are common examples in forms and
// validation libraries; their check digits are verified here, not owners.
#[test]
fn individual_numbers() {
    assert_eq!(validation::inn("500100732259"), Ok(InnKind::Individual));
    assert_eq!(
        validation::ogrn("304500116000157"),
        Ok(OgrnKind::Individual)
    );
    assert_eq!(make::inn12("5001007322"), "500100732259");
    assert_eq!(make::ogrnip15("30450011600015"), "304500116000157");
}

#[test]
fn inn_messages() {
    let cases = [
        (
            "7707083894",
            "ИНН 7707083894 не проходит проверку контрольной суммы: проверьте цифры — вероятно, опечатка.",
        ),
        (
            "500100732258",
            "ИНН 500100732258 не проходит проверку контрольной суммы: проверьте цифры — вероятно, опечатка.",
        ),
        (
            "770708389",
            "ИНН должен состоять из 10 цифр (организация) или 12 цифр (ИП, физическое лицо), а введено 9 цифр.",
        ),
        (
            "77070838931",
            "ИНН должен состоять из 10 цифр (организация) или 12 цифр (ИП, физическое лицо), а введено 11 цифр.",
        ),
        (
            "77О7083893",
            "В ИНН допустимы только цифры, а встретился символ «О» — похоже, вместо нуля набрана буква.",
        ),
        (
            "ИНН 7707083893",
            "В ИНН допустимы только цифры, а встретился символ «И».",
        ),
        (
            "",
            "ИНН не указан: введите 10 цифр для организации или 12 цифр для ИП и физического лица.",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(msg(validation::inn(input)), expected, "{input:?}");
    }
    // Inner spaces are tolerated.
    assert_eq!(validation::inn(" 7707 083 893 "), Ok(InnKind::Legal));
}

#[test]
fn kpp_messages() {
    let cases = [
        ("77360100", "КПП должен состоять из 9 знаков, а введено 8 знаков."),
        ("7736010011", "КПП должен состоять из 9 знаков, а введено 10 знаков."),
        (
            "77З601001",
            "В 3-й позиции КПП допустимы только цифры, а встретился символ «З» — похоже, вместо тройки набрана буква.",
        ),
        (
            "7736КС001",
            "В 5-й и 6-й позициях КПП допустимы только цифры и заглавные латинские буквы A–Z, а встретился символ «К» — похоже, буква набрана в русской раскладке.",
        ),
        ("", "КПП не указан: введите 9 знаков, например 682501001."),
    ];
    for (input, expected) in cases {
        assert_eq!(msg(validation::kpp(input)), expected, "{input:?}");
    }
    assert_eq!(validation::kpp("7736AZ001"), Ok(()));
}

#[test]
fn ogrn_messages() {
    let cases = [
        (
            "1027700132196",
            "ОГРН 1027700132196 не проходит проверку контрольной суммы: проверьте цифры — вероятно, опечатка.",
        ),
        (
            "304500116000158",
            "ОГРНИП 304500116000158 не проходит проверку контрольной суммы: проверьте цифры — вероятно, опечатка.",
        ),
        (
            "102770013219",
            "ОГРН должен состоять из 13 цифр (организация) или 15 цифр (ОГРНИП индивидуального предпринимателя), а введено 12 цифр.",
        ),
        (
            "1O27700132195",
            "В ОГРН допустимы только цифры, а встретился символ «O» — похоже, вместо нуля набрана буква.",
        ),
        (
            "  ",
            "ОГРН не указан: введите 13 цифр ОГРН организации или 15 цифр ОГРНИП индивидуального предпринимателя.",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(msg(validation::ogrn(input)), expected, "{input:?}");
    }
}

#[test]
fn bik_messages() {
    let cases = [
        (
            "054525225",
            "БИК российского банка начинается с «04» (у органов Федерального казначейства — с «00», «01» или «02»), а введён БИК 054525225: проверьте первые цифры.",
        ),
        ("0445252250", "БИК должен состоять из 9 цифр, а введено 10 цифр."),
        ("04452522Б", "В БИК допустимы только цифры, а встретился символ «Б»."),
        ("", "БИК не указан: введите 9 цифр БИК банка."),
    ];
    for (input, expected) in cases {
        assert_eq!(msg(validation::bik(input)), expected, "{input:?}");
    }
}

#[test]
fn account_messages() {
    let bik = "044525225";
    let cases = [
        (
            validation::bank_account("4070281040000000022", bik),
            "Расчётный счёт должен состоять из 20 цифр, а введено 19 цифр.",
        ),
        (
            validation::bank_account("40702810A00000000225", bik),
            "В номере расчётного счёта допустимы только цифры, а встретился символ «A».",
        ),
        (
            validation::bank_account("", bik),
            "Расчётный счёт не указан: введите 20 цифр номера счёта.",
        ),
        (
            validation::bank_account("40702810400000000225", "04452522"),
            "Расчётный счёт нельзя проверить без правильного БИК банка: сначала укажите или исправьте БИК.",
        ),
        (
            validation::corr_account("30101810400000000226", bik),
            "Корреспондентский счёт 30101810400000000226 не соответствует БИК 044525225: не сходится контрольный ключ. Проверьте номер счёта и БИК — вероятно, опечатка.",
        ),
        (
            validation::corr_account("40702810400000000225", bik),
            "Корреспондентский счёт банка начинается с «301», а введён счёт 40702810400000000225: возможно, перепутаны расчётный и корреспондентский счета.",
        ),
        (
            validation::corr_account("301018104000000002251", bik),
            "Корреспондентский счёт должен состоять из 20 цифр, а введена 21 цифра.",
        ),
        (
            validation::corr_account("", ""),
            "Корреспондентский счёт не указан: введите 20 цифр номера счёта.",
        ),
    ];
    for (result, expected) in cases {
        assert_eq!(msg(result), expected);
    }
}

#[test]
fn phone_normalisation_table() {
    let ok = [
        ("8 (47541) 2-34-56", "+7 (475) 412-34-56"),
        ("+7 475 412 34 56", "+7 (475) 412-34-56"),
        ("84754123456", "+7 (475) 412-34-56"),
        ("7(4754)12-34-56", "+7 (475) 412-34-56"),
        ("4754123456", "+7 (475) 412-34-56"),
        ("  8 (47541) 2\u{a0}34\u{a0}56  ", "+7 (475) 412-34-56"),
        ("+7 (47541) 2–34–56", "+7 (475) 412-34-56"),
        ("8-910-123-45-67", "+7 (910) 123-45-67"),
        ("+7 (910) 123-45-67", "+7 (910) 123-45-67"),
        ("8.4752.72.34.00", "+7 (475) 272-34-00"),
        ("8 (47541) 2-34-56 доб. 123", "+7 (475) 412-34-56 доб. 123"),
        ("+7 (4752) 72-34-00, доб.15", "+7 (475) 272-34-00 доб. 15"),
        ("89101234567 Доб 5", "+7 (910) 123-45-67 доб. 5"),
        (
            "+7 475 412-34-56 добавочный 2041",
            "+7 (475) 412-34-56 доб. 2041",
        ),
    ];
    for (input, expected) in ok {
        assert_eq!(
            validation::phone(input).as_deref(),
            Ok(expected),
            "{input:?}"
        );
    }
    let example = "не похож на российский номер: укажите 10 цифр с кодом города или оператора, \
                   например 8 (47541) 2-34-56 или +7 910 123-45-67 (добавочный номер — после «доб.»).";
    for bad in [
        "2-34-56",
        "8 (47541) 2-34",
        "+375 29 123-45-67",
        "+8 910 123 45 67",
        "0123456789",
        "8 (47541) 2-34-56 или 2-34-57",
        "телефон школы",
        "8 (47541) 2-34-56 доб. секретарь",
        "8 (47541) 2-34-567",
    ] {
        assert_eq!(
            msg(validation::phone(bad)),
            format!("Телефон «{bad}» {example}"),
            "{bad:?}"
        );
    }
    assert_eq!(
        msg(validation::phone("")),
        "Телефон не указан: введите номер с кодом города, например 8 (47541) 2-34-56."
    );
}

#[test]
fn email_and_website() {
    assert_eq!(validation::email("ddt-kotovsk@example.ru"), Ok(()));
    assert_eq!(validation::email("методист@дом-творчества.рф"), Ok(()));
    assert_eq!(
        msg(validation::email("ddt-kotovsk@example")),
        "В адресе электронной почты «ddt-kotovsk@example» после знака «@» должен стоять домен с точкой, например example.ru."
    );
    assert_eq!(
        validation::website("дом-творчества.рф").as_deref(),
        Ok("https://дом-творчества.рф")
    );
    assert_eq!(
        validation::website("http://ddt-kotovsk.example.ru/plan").as_deref(),
        Ok("http://ddt-kotovsk.example.ru/plan")
    );
    assert_eq!(
        msg(validation::website("")),
        "Адрес сайта не указан: введите его, например ddt-kotovsk.ru."
    );
}
