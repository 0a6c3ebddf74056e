//! The demo single events of January – May (see [`super::event_list`]).

use chrono::Weekday::{Fri, Mon, Thu, Tue, Wed};

use crate::events::model::Audience::{Parents, Public, Students, Teachers};

use super::event_list::{
    BELOV, DDT_12, DDT_EXPO, DDT_HALL, KOVALEVA, KUZNETSOVA, LAVROVA, LIBRARY, MISHINA, MUSEUM,
    PETROVA, SMIRNOVA, SOROKINA,
};
use super::event_spec::{all_day, timed, Fate, Form, SchoolYear, Spec};

/// The single events of January – February.
pub fn winter(y: SchoolYear) -> Vec<Spec> {
    [january(y), february(y)].into_iter().flatten().collect()
}

/// The single events of January.
fn january(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Новогодние поделки и рисунки; призы учредил фонд «Добрые \
                          сердца Котовска», дипломы печатает типография «Оттиск».",
            link: "https://ddt-kotovsk.example.ru/konkurs/zima",
            partners: &["БФ «Добрые сердца Котовска»", "ИП Белоусова А.В."],
            audience: &[Students],
            planned: Some(70),
            actual: Some(81),
            results: "81 работа в двух номинациях; 18 дипломов, призы фонда вручены \
                      на празднике в ДДТ.",
            responsible: KUZNETSOVA,
            ..all_day(
                Form::OnlineContest,
                "Интернет-конкурс «Зимняя сказка»",
                y.nth(1, 2, Mon),
                10,
            )
        },
        Spec {
            description: "Модели наставничества «педагог — педагог» и «студент — \
                          ученик», опыт вузов и учреждений дополнительного образования.",
            link: "https://ddt-kotovsk.example.ru/conf/nastavnik",
            partners: &["ТГГТУ", "Котовский филиал СРИУЭ"],
            audience: &[Teachers],
            planned: Some(70),
            actual: Some(81),
            results: "81 участник, 9 выступлений; создан реестр пар наставничества \
                      на базе ДДТ.",
            responsible: SOROKINA,
            ..timed(
                Form::OnlineConference,
                "Онлайн-конференция «Наставничество в дополнительном образовании»",
                y.nth(1, 3, Tue),
                (10, 0),
                (12, 30),
            )
        },
        Spec {
            description: "Сценарии литературных гостиных и библиотечных уроков, \
                          подготовленных вместе с библиотекой.",
            link: "https://ddt-kotovsk.example.ru/metod/scenarii",
            partners: &["МБУК «ЦБС»"],
            audience: &[Teachers],
            results: "Сборник из 12 сценариев размещён на сайте; 96 скачиваний.",
            responsible: BELOV,
            ..all_day(
                Form::Publication,
                "Сборник сценариев совместных мероприятий с библиотекой",
                y.nth(1, 4, Mon),
                1,
            )
        },
        Spec {
            description: "Что может дополнительное образование для выбора профессии: \
                          мнения педагогов, предприятия и вуза.",
            place: "АО «Котовскагромаш», конференц-зал заводоуправления",
            partners: &[
                "АО «Котовскагромаш»",
                "Котовский филиал СРИУЭ",
                "МБОУ «СОШ № 2»",
            ],
            audience: &[Teachers, Students],
            planned: Some(35),
            actual: Some(31),
            results: "Решено проводить экскурсии на предприятие для старших \
                      объединений ежеквартально.",
            responsible: KOVALEVA,
            ..timed(
                Form::Discussion,
                "Дискуссия «Профессиональное самоопределение подростков»",
                y.nth(1, 4, Wed),
                (10, 0),
                (11, 30),
            )
        },
    ]
}

/// The single events of February.
fn february(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Родителям о выборе объединения по интересам и возрасту \
                          ребёнка; ответы на вопросы.",
            link: "https://ddt-kotovsk.example.ru/webinar/kruzhok",
            partners: &["Родительский совет ДДТ"],
            audience: &[Parents],
            planned: Some(50),
            actual: Some(44),
            results: "44 подключения; 17 заявок на зачисление после вебинара.",
            responsible: LAVROVA,
            ..timed(
                Form::Webinar,
                "Вебинар для родителей «Как выбрать кружок»",
                y.nth(2, 1, Thu),
                (18, 0),
                (19, 0),
            )
        },
        Spec {
            description: "Краеведение в объединениях: музейные занятия, работа с \
                          фондами, экскурсии по городу.",
            place: MUSEUM,
            partners: &["МБУК «Краеведческий музей»", "Клуб краеведов «Отчий край»"],
            agreement: Some("МБУК «Краеведческий музей»"),
            audience: &[Teachers],
            planned: Some(18),
            actual: Some(17),
            results: "Составлен план музейных занятий до конца года; клуб краеведов \
                      проведёт две экскурсии.",
            responsible: SMIRNOVA,
            ..timed(
                Form::Seminar,
                "Семинар «Патриотическое воспитание средствами краеведения»",
                y.nth(2, 2, Tue),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Дискуссия для родителей о правилах пользования гаджетами. \
                          Отменена: карантин по гриппу и ОРВИ в школах города.",
            place: "МБОУ «ООШ № 4», актовый зал",
            partners: &["МБОУ «ООШ № 4»", "Клуб «Семья и творчество»"],
            audience: &[Parents],
            planned: Some(40),
            responsible: KOVALEVA,
            fate: Fate::Cancelled,
            ..timed(
                Form::Discussion,
                "Дискуссия «Гаджеты и дети: запретить нельзя договориться»",
                y.nth(2, 3, Wed),
                (17, 30),
                (19, 0),
            )
        },
        Spec {
            description: "Как привлечь в объединения детей, состоящих на учёте: опыт \
                          школ и волонтёров, проблемные вопросы.",
            place: DDT_12,
            partners: &["АНО «Рука помощи»", "МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»"],
            audience: &[Teachers, Public],
            planned: Some(14),
            actual: Some(13),
            results: "Составлен список из 11 детей; за каждым закреплён педагог и \
                      волонтёр-наставник.",
            responsible: PETROVA,
            ..timed(
                Form::Exchange,
                "Встреча по проблемным вопросам: дети группы риска в объединениях",
                y.nth(2, 4, Tue),
                (10, 0),
                (12, 0),
            )
        },
    ]
}

/// The single events of March – May.
pub fn spring(y: SchoolYear) -> Vec<Spec> {
    [march(y), april(y), may(y)].into_iter().flatten().collect()
}

/// The single events of March.
fn march(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Видеозаписи открытых занятий и мастер-классов педагогов ДДТ \
                          с методическими комментариями.",
            link: "https://ddt-kotovsk.example.ru/metod/video",
            audience: &[Teachers, Parents],
            results: "Размещено 8 видеозаписей; 312 просмотров.",
            responsible: BELOV,
            ..all_day(
                Form::Publication,
                "Видеозаписи мастер-классов педагогов ДДТ",
                y.nth(3, 1, Mon),
                1,
            )
        },
        Spec {
            description: "Пленарное заседание и секции: школа, культура, спорт, \
                          общественные организации как ресурсы развития ребёнка.",
            place: "МБУК «ГДК», большой зал",
            organiser: "МБУ ДО «Дом детского творчества» совместно с МБУК «ГДК»",
            partners: &[
                "МБУК «ГДК»",
                "МБУК «ЦБС»",
                "МБУК «Краеведческий музей»",
                "МБУ ДО «ДМШ»",
            ],
            audience: &[Teachers, Public],
            planned: Some(90),
            actual: Some(84),
            results: "84 участника, 12 докладов; принята резолюция о муниципальной \
                      сети дополнительного образования.",
            responsible: MISHINA,
            ..timed(
                Form::Conference,
                "Муниципальная конференция «Сетевое взаимодействие: ресурсы территории \
                 для развития ребёнка»",
                y.nth(3, 2, Thu),
                (10, 0),
                (14, 0),
            )
        },
        Spec {
            description: "Планирование экологического проекта: уборка берега Цны, \
                          исследование воды, посадка деревьев.",
            place: DDT_12,
            partners: &["ООО «Цнинская нива»", "АНО «Рука помощи»"],
            audience: &[Students],
            planned: Some(25),
            actual: Some(22),
            results: "Сформированы 4 проектные группы; агрохолдинг выделит саженцы и \
                      транспорт.",
            responsible: LAVROVA,
            ..timed(
                Form::Project,
                "Экологический проект «Чистый берег Цны»: планирование",
                y.nth(3, 3, Wed),
                (14, 0),
                (15, 30),
            )
        },
        Spec {
            description: "Детское чтение и цифровые привычки; выступления \
                          библиотекарей и педагогов.",
            place: LIBRARY,
            partners: &["МБУК «ЦБС»"],
            agreement: Some("МБУК «ЦБС»"),
            audience: &[Teachers, Parents],
            planned: Some(25),
            actual: Some(26),
            results: "Составлен список летнего чтения для объединений.",
            responsible: SOROKINA,
            ..timed(
                Form::RoundTable,
                "Круглый стол «Детское чтение в цифровую эпоху»",
                y.nth(3, 4, Tue),
                (14, 0),
                (16, 0),
            )
        },
    ]
}

/// The single events of April.
fn april(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Рисунки и модели ко Дню космонавтики.",
            link: "https://ddt-kotovsk.example.ru/konkurs/kosmos",
            partners: &["Газета «Котовские вести»"],
            audience: &[Students],
            planned: Some(60),
            actual: Some(67),
            results: "67 работ, из них 21 модель; итоги опубликованы в газете.",
            responsible: KUZNETSOVA,
            ..all_day(
                Form::OnlineContest,
                "Интернет-конкурс «Космос глазами детей»",
                y.nth(4, 1, Mon),
                11,
            )
        },
        // The deliberate conflict: the hall is booked twice on one afternoon.
        Spec {
            description: "Роль дополнительного образования в профилактике \
                          безнадзорности; занятость подростков летом.",
            place: DDT_HALL,
            partners: &["АНО «Рука помощи»", "МБОУ «СОШ № 2»"],
            audience: &[Teachers, Public],
            planned: Some(30),
            actual: Some(28),
            results: "Согласован список летних мероприятий для подростков группы \
                      риска.",
            responsible: KOVALEVA,
            ..timed(
                Form::RoundTable,
                "Круглый стол «Профилактика безнадзорности: роль дополнительного \
                 образования»",
                y.nth(4, 2, Wed),
                (14, 0),
                (16, 0),
            )
        },
        Spec {
            description: "Подготовка весенней ярмарки семейного творчества: \
                          ассортимент, оформление, распределение обязанностей.",
            place: DDT_HALL,
            partners: &["Клуб «Семья и творчество»", "Родительский совет ДДТ"],
            audience: &[Parents],
            planned: Some(25),
            actual: Some(21),
            results: "Распределены обязанности; ярмарка назначена на последнюю \
                      субботу апреля.",
            responsible: LAVROVA,
            ..timed(
                Form::Exchange,
                "Встреча с родительским клубом «Семья и творчество»: весенняя ярмарка",
                y.nth(4, 2, Wed),
                (15, 0),
                (17, 0),
            )
        },
        Spec {
            description: "От конструктора к робототехнике: преемственность программ \
                          ДДТ и лицея, демонстрация моделей.",
            place: "МБОУ «Лицей», кабинет робототехники",
            partners: &["МБОУ «Лицей»", "МБОУ «СОШ № 1»"],
            agreement: Some("МБОУ «СОШ № 1»"),
            audience: &[Teachers],
            planned: Some(16),
            actual: Some(15),
            results: "Согласована преемственность модулей; лицей предоставит \
                      кабинет для весенних соревнований.",
            responsible: SOROKINA,
            ..timed(
                Form::Seminar,
                "Семинар «Техническое творчество: от конструктора к робототехнике»",
                y.nth(4, 3, Tue),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Опыт родительских клубов и советов; семья как партнёр \
                          учреждения дополнительного образования.",
            link: "https://ddt-kotovsk.example.ru/conf/semya",
            partners: &["Клуб «Семья и творчество»", "Родительский совет ДДТ"],
            audience: &[Parents, Teachers],
            planned: Some(60),
            actual: Some(55),
            results: "55 участников; опыт клуба «Семья и творчество» рекомендован \
                      школам района.",
            responsible: KOVALEVA,
            ..timed(
                Form::OnlineConference,
                "Онлайн-конференция «Ресурсы семьи в воспитании: опыт родительских \
                 клубов»",
                y.nth(4, 4, Thu),
                (17, 0),
                (19, 0),
            )
        },
    ]
}

/// The single events of May.
fn may(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Выставка работ о земляках — участниках Великой Отечественной \
                          войны; материалы собраны с ветеранами и музеем.",
            place: DDT_EXPO,
            partners: &[
                "Совет ветеранов г. Котовска",
                "Газета «Котовские вести»",
                "МБУК «Краеведческий музей»",
            ],
            audience: &[Students, Public],
            planned: Some(80),
            actual: Some(112),
            results: "Представлено 36 работ; выставку посетили 112 человек, газета \
                      опубликовала репортаж.",
            responsible: LAVROVA,
            ..timed(
                Form::Project,
                "Проект «Бессмертный полк в лицах»: выставка работ",
                y.nth(5, 1, Wed),
                (10, 0),
                (13, 0),
            )
        },
        Spec {
            description: "Подготовка отчётного концерта и выставки: репертуар, \
                          оформление, совместные номера.",
            place: "МБУ ДО «ДМШ», концертный зал",
            partners: &["МБУ ДО «ДМШ»", "МБУ ДО «ДХШ»"],
            agreement: Some("МБУ ДО «ДХШ»"),
            audience: &[Teachers],
            planned: Some(12),
            actual: Some(12),
            results: "Утверждена программа отчётного концерта; ДХШ оформит фойе \
                      выставкой.",
            responsible: SMIRNOVA,
            ..timed(
                Form::Exchange,
                "Встреча по обмену опытом с педагогами ДМШ и ДХШ",
                y.nth(5, 2, Tue),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Формы и инструменты итоговой аттестации в объединениях: \
                          выставка, зачёт, защита проекта.",
            link: "https://ddt-kotovsk.example.ru/webinar/attestaciya",
            audience: &[Teachers],
            planned: Some(40),
            actual: Some(46),
            results: "46 участников; шаблоны протоколов аттестации размещены на \
                      сайте.",
            responsible: SOROKINA,
            ..timed(
                Form::Webinar,
                "Вебинар «Итоговая аттестация в объединениях: формы и инструменты»",
                y.nth(5, 3, Wed),
                (15, 0),
                (16, 0),
            )
        },
        Spec {
            description: "Краеведение в системе дополнительного образования. \
                          Перенесена на осень по просьбе музея: в мае идёт \
                          реэкспозиция залов.",
            place: MUSEUM,
            partners: &[
                "МБУК «Краеведческий музей»",
                "Клуб краеведов «Отчий край»",
                "ТГГТУ",
            ],
            audience: &[Teachers, Students, Public],
            planned: Some(50),
            responsible: SOROKINA,
            fate: Fate::Postponed,
            ..timed(
                Form::Conference,
                "Научно-практическая конференция «Краеведение в дополнительном \
                 образовании»",
                y.nth(5, 3, Fri),
                (10, 0),
                (14, 0),
            )
        },
        Spec {
            description: "Как сохранить детей в объединениях летом: площадки, \
                          спортивные и культурные программы партнёров.",
            place: DDT_12,
            partners: &["МБУ «ФОК»", "МБУ ДО «ДЮСШ»", "МБУК «ГДК»"],
            audience: &[Teachers],
            planned: Some(15),
            actual: Some(14),
            results: "Составлен общий график летних занятий на площадках ФОК и ГДК.",
            responsible: PETROVA,
            ..timed(
                Form::Discussion,
                "Дискуссия «Летний отдых: как сохранить детей в объединениях»",
                y.nth(5, 4, Tue),
                (10, 0),
                (11, 30),
            )
        },
    ]
}
