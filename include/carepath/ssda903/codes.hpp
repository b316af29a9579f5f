#pragma once
/// @file
/// The SSDA903 code lists: every code each coded column may hold, with the collection years it
/// is valid in. Source: ../shared/data/ssda903/codes.csv (DfE code lists as carried by
/// data-to-insight/csc-validator-be-903 and SocialFinanceDigitalLabs/liia-tools); the meanings
/// are that file's own words. Years are collection years named by the 31 March they end on
/// (2025 = 2024-25).
#include <array>
#include <optional>
#include <string_view>

namespace carepath::ssda903 {

/// One code of one column.
struct code_entry {
    std::string_view table;   ///< "Episodes"
    std::string_view field;   ///< "PLACE"
    std::string_view code;    ///< "U4"
    int first_year = 0;       ///< first collection year it may be used; 0 = always could
    int retired_year = 0;     ///< first collection year it may no longer be used; 0 = current
    std::string_view meaning; ///< plain words

    /// True when the code may be used in collection year `year` (0 = any year).
    [[nodiscard]] constexpr bool valid_in(int year) const noexcept {
        if (year == 0) return true;
        return (first_year == 0 || year >= first_year) && (retired_year == 0 || year < retired_year);
    }
};

/// Every code of every coded column (253 rows; derived columns PL_LA and PL_LOCATION are not
/// in the CSV files and are left out).
inline constexpr std::array code_list{
    code_entry{"Header", "SEX", "1", 0, 2025, "male (old numeric coding)"},
    code_entry{"Header", "SEX", "2", 0, 2025, "female (old numeric coding)"},
    code_entry{"Header", "SEX", "M", 2025, 0, "male"},
    code_entry{"Header", "SEX", "F", 2025, 0, "female"},
    code_entry{"Header", "SEX", "U", 2025, 0, "sex not known (accepted but triggers query 232)"},
    code_entry{"Header", "ETHNIC", "WBRI", 0, 0, "White - British"},
    code_entry{"Header", "ETHNIC", "WIRI", 0, 0, "White - Irish"},
    code_entry{"Header", "ETHNIC", "WOTH", 0, 0, "White - any other background"},
    code_entry{"Header", "ETHNIC", "WIRT", 0, 0, "White - Irish Traveller heritage"},
    code_entry{"Header", "ETHNIC", "WROM", 0, 0, "White - Gypsy/Roma"},
    code_entry{"Header", "ETHNIC", "MWBC", 0, 0, "Mixed - White and Black Caribbean"},
    code_entry{"Header", "ETHNIC", "MWBA", 0, 0, "Mixed - White and Black African"},
    code_entry{"Header", "ETHNIC", "MWAS", 0, 0, "Mixed - White and Asian"},
    code_entry{"Header", "ETHNIC", "MOTH", 0, 0, "Mixed - any other mixed background"},
    code_entry{"Header", "ETHNIC", "AIND", 0, 0, "Asian/Asian British - Indian"},
    code_entry{"Header", "ETHNIC", "APKN", 0, 0, "Asian/Asian British - Pakistani"},
    code_entry{"Header", "ETHNIC", "ABAN", 0, 0, "Asian/Asian British - Bangladeshi"},
    code_entry{"Header", "ETHNIC", "AOTH", 0, 0, "Asian - any other Asian background"},
    code_entry{"Header", "ETHNIC", "BCRB", 0, 0, "Black/Black British - Caribbean"},
    code_entry{"Header", "ETHNIC", "BAFR", 0, 0, "Black/Black British - African"},
    code_entry{"Header", "ETHNIC", "BOTH", 0, 0, "Black - any other Black background"},
    code_entry{"Header", "ETHNIC", "CHNE", 0, 0, "Chinese"},
    code_entry{"Header", "ETHNIC", "OOTH", 0, 0, "any other ethnic group"},
    code_entry{"Header", "ETHNIC", "REFU", 0, 0, "child/parent declined to give ethnicity"},
    code_entry{"Header", "ETHNIC", "NOBT", 0, 0, "ethnicity not yet obtained"},
    code_entry{"Header", "MOTHER", "0", 0, 0, "child is not a mother"},
    code_entry{"Header", "MOTHER", "1", 0, 0, "child is a mother (MC_DOB = first child DOB)"},
    code_entry{"Header", "UPN", "UN1", 0, 0, "unknown UPN: under school age, not yet enrolled (not allowed for school-age children, rule 209)"},
    code_entry{"Header", "UPN", "UN2", 0, 0, "unknown UPN: never attended school in England"},
    code_entry{"Header", "UPN", "UN3", 0, 0, "unknown UPN: child lives/educated abroad"},
    code_entry{"Header", "UPN", "UN4", 0, 0, "unknown UPN: newly looked after, UPN not yet obtained (rule 210)"},
    code_entry{"Header", "UPN", "UN5", 0, 0, "unknown UPN: source records lack UPN for other reason"},
    code_entry{"Header", "UASC", "0", 0, 0, "not an unaccompanied asylum-seeking child (XML only)"},
    code_entry{"Header", "UASC", "1", 0, 0, "is/was UASC during year (XML only; DUC may be set)"},
    code_entry{"Episodes", "RNE", "S", 0, 0, "started to be looked after (start of a period of care)"},
    code_entry{"Episodes", "RNE", "L", 0, 0, "change of legal status only"},
    code_entry{"Episodes", "RNE", "P", 0, 0, "change of placement and carer only"},
    code_entry{"Episodes", "RNE", "T", 0, 0, "change of placement type but same carer(s); legal status unchanged"},
    code_entry{"Episodes", "RNE", "U", 0, 0, "change of legal status AND placement type, same carer(s)"},
    code_entry{"Episodes", "RNE", "B", 0, 0, "change of legal status AND placement and carer at same time"},
    code_entry{"Episodes", "LS", "C1", 0, 0, "interim care order (s38 CA1989)"},
    code_entry{"Episodes", "LS", "C2", 0, 0, "full care order (s31 CA1989)"},
    code_entry{"Episodes", "LS", "D1", 0, 0, "freeing order granted"},
    code_entry{"Episodes", "LS", "E1", 0, 0, "placement order granted (ACA 2002); invalid before 01/12/2005 (rule 446)"},
    code_entry{"Episodes", "LS", "V2", 0, 0, "single period of accommodation under s20 CA1989"},
    code_entry{"Episodes", "LS", "V3", 0, 0, "agreed series of short breaks - each episode recorded"},
    code_entry{"Episodes", "LS", "V4", 0, 0, "agreed series of short breaks - recorded as agreements not episodes"},
    code_entry{"Episodes", "LS", "L1", 0, 0, "police protection in LA accommodation (max 72h, rule 361)"},
    code_entry{"Episodes", "LS", "L2", 0, 0, "emergency protection order (rule 362 time limit)"},
    code_entry{"Episodes", "LS", "L3", 0, 0, "child assessment order in LA accommodation (max 7 days, rule 363)"},
    code_entry{"Episodes", "LS", "J1", 0, 0, "remanded to LA or youth detention accommodation (age 10+)"},
    code_entry{"Episodes", "LS", "J2", 0, 0, "detained in LA accommodation under PACE 1984 (age 10+)"},
    code_entry{"Episodes", "LS", "J3", 0, 0, "youth rehabilitation order with residence/fostering requirement (age 10+)"},
    code_entry{"Episodes", "CIN", "N1", 0, 0, "abuse or neglect"},
    code_entry{"Episodes", "CIN", "N2", 0, 0, "child disability"},
    code_entry{"Episodes", "CIN", "N3", 0, 0, "parental illness or disability"},
    code_entry{"Episodes", "CIN", "N4", 0, 0, "family in acute stress"},
    code_entry{"Episodes", "CIN", "N5", 0, 0, "family dysfunction"},
    code_entry{"Episodes", "CIN", "N6", 0, 0, "socially unacceptable behaviour"},
    code_entry{"Episodes", "CIN", "N7", 0, 0, "low income"},
    code_entry{"Episodes", "CIN", "N8", 0, 0, "absent parenting"},
    code_entry{"Episodes", "PLACE", "A3", 0, 0, "placed for adoption with parental consent, with current foster carers"},
    code_entry{"Episodes", "PLACE", "A4", 0, 0, "placed for adoption with parental consent, not with current foster carers"},
    code_entry{"Episodes", "PLACE", "A5", 0, 0, "placed for adoption under placement order, with current foster carers"},
    code_entry{"Episodes", "PLACE", "A6", 0, 0, "placed for adoption under placement order, not with current foster carers"},
    code_entry{"Episodes", "PLACE", "H5", 0, 2025, "semi-independent living not regulated as a children's home"},
    code_entry{"Episodes", "PLACE", "K1", 0, 0, "secure children's home"},
    code_entry{"Episodes", "PLACE", "K2", 0, 0, "children's home under Children's Homes Regulations"},
    code_entry{"Episodes", "PLACE", "K3", 2025, 0, "Ofsted-registered supported accommodation (16-17 year olds)"},
    code_entry{"Episodes", "PLACE", "P1", 0, 0, "placed with own parent(s) or others with parental responsibility"},
    code_entry{"Episodes", "PLACE", "P2", 0, 2024, "independent living (flat, lodgings, B&B, friends)"},
    code_entry{"Episodes", "PLACE", "P3", 0, 0, "residential employment (age 14+)"},
    code_entry{"Episodes", "PLACE", "R1", 0, 0, "residential care home"},
    code_entry{"Episodes", "PLACE", "R2", 0, 0, "NHS/health establishment giving medical or nursing care"},
    code_entry{"Episodes", "PLACE", "R3", 0, 0, "family centre or mother and baby unit"},
    code_entry{"Episodes", "PLACE", "R5", 0, 0, "young offender institution or prison (age 10+)"},
    code_entry{"Episodes", "PLACE", "S1", 0, 0, "residential school (not dual-registered as children's home; age 4+)"},
    code_entry{"Episodes", "PLACE", "T0", 0, 0, "temporary move of any kind (umbrella temporary code)"},
    code_entry{"Episodes", "PLACE", "T1", 0, 0, "temporary period in hospital (max 6 weeks)"},
    code_entry{"Episodes", "PLACE", "T2", 0, 0, "temporary absence on holiday"},
    code_entry{"Episodes", "PLACE", "T3", 0, 0, "temporary stay while usual foster carer on holiday (max 3 weeks; 2 per 12 months)"},
    code_entry{"Episodes", "PLACE", "T4", 0, 0, "temporary stay of 7 days or less not covered by T1-T3"},
    code_entry{"Episodes", "PLACE", "U1", 0, 0, "fostered with relative/friend - long-term"},
    code_entry{"Episodes", "PLACE", "U2", 0, 0, "fostered with relative/friend who is approved adopter (FFA/concurrent)"},
    code_entry{"Episodes", "PLACE", "U3", 0, 0, "fostered with relative/friend - other"},
    code_entry{"Episodes", "PLACE", "U4", 0, 0, "fostered with other carer - long-term"},
    code_entry{"Episodes", "PLACE", "U5", 0, 0, "fostered with other carer who is approved adopter (FFA/concurrent)"},
    code_entry{"Episodes", "PLACE", "U6", 0, 0, "fostered with other carer - other"},
    code_entry{"Episodes", "PLACE", "Z1", 0, 2026, "other placement (listed to DfE separately)"},
    code_entry{"Episodes", "PLACE", "Z11", 2026, 0, "other placement - subtype 1 of former Z1 (exact DfE wording not found)"},
    code_entry{"Episodes", "PLACE", "Z12", 2026, 0, "other placement - subtype 2 of former Z1; allowed for child under DoLO (rule 709)"},
    code_entry{"Episodes", "PLACE", "Z13", 2026, 0, "other placement - subtype 3 of former Z1; allowed for child under DoLO (rule 709)"},
    code_entry{"Episodes", "PLACE", "Z14", 2026, 0, "other placement - subtype 4 of former Z1 (exact DfE wording not found)"},
    code_entry{"Episodes", "PLACE_PROVIDER", "PR0", 0, 0, "parent(s) or other person with parental responsibility (only with P1)"},
    code_entry{"Episodes", "PLACE_PROVIDER", "PR1", 0, 0, "own LA provision"},
    code_entry{"Episodes", "PLACE_PROVIDER", "PR2", 0, 0, "other LA provision"},
    code_entry{"Episodes", "PLACE_PROVIDER", "PR3", 0, 0, "other public sector provision (e.g. NHS)"},
    code_entry{"Episodes", "PLACE_PROVIDER", "PR4", 0, 0, "private sector provision"},
    code_entry{"Episodes", "PLACE_PROVIDER", "PR5", 0, 0, "voluntary/third sector provision"},
    code_entry{"Episodes", "REC", "X1", 0, 0, "episode ends and a new episode follows immediately (still in care)"},
    code_entry{"Episodes", "REC", "E11", 0, 0, "adopted - order unopposed"},
    code_entry{"Episodes", "REC", "E12", 0, 0, "adopted - consent dispensed with by court"},
    code_entry{"Episodes", "REC", "E13", 0, 0, "left to live with parent/relative/other without parental responsibility"},
    code_entry{"Episodes", "REC", "E14", 0, 0, "remand/accommodation on remand ended"},
    code_entry{"Episodes", "REC", "E15", 0, 0, "age assessment found child 18+ (no further episodes, rule 437)"},
    code_entry{"Episodes", "REC", "E16", 0, 0, "child moved abroad"},
    code_entry{"Episodes", "REC", "E17", 0, 0, "aged 18+ and stayed with current carers (e.g. staying put)"},
    code_entry{"Episodes", "REC", "E2", 0, 0, "died (no further episodes, rule 437)"},
    code_entry{"Episodes", "REC", "E3", 0, 0, "care taken over by another LA in UK"},
    code_entry{"Episodes", "REC", "E4A", 0, 0, "returned home to parent/person with PR as part of care plan"},
    code_entry{"Episodes", "REC", "E4B", 0, 0, "returned home to parent/person with PR not as part of care plan"},
    code_entry{"Episodes", "REC", "E41", 0, 0, "residence order / child arrangements order granted"},
    code_entry{"Episodes", "REC", "E43", 0, 2019, "special guardianship order to former foster carers (old split)"},
    code_entry{"Episodes", "REC", "E44", 0, 2019, "special guardianship order to other carers (old split)"},
    code_entry{"Episodes", "REC", "E45", 2019, 0, "SGO to former foster carer who is relative/friend"},
    code_entry{"Episodes", "REC", "E46", 2019, 0, "SGO to former foster carer who is not relative/friend"},
    code_entry{"Episodes", "REC", "E47", 2019, 0, "SGO to non-foster carer who is relative/friend"},
    code_entry{"Episodes", "REC", "E48", 2019, 0, "SGO to non-foster carer who is not relative/friend"},
    code_entry{"Episodes", "REC", "E5", 0, 0, "moved to independent living with formal support"},
    code_entry{"Episodes", "REC", "E6", 0, 0, "moved to independent living without formal support"},
    code_entry{"Episodes", "REC", "E7", 0, 0, "transferred to adult social care residential care (age 16+)"},
    code_entry{"Episodes", "REC", "E8", 0, 0, "care ended for any other reason (required if child missing at cease, rule 580)"},
    code_entry{"Episodes", "REC", "E9", 0, 0, "sentenced to custody"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "CARPL", 0, 0, "change to or implementation of care plan"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "CLOSE", 0, 0, "carer/provider resigned or provision closed"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "ALLEG", 0, 0, "allegation against carer (s47 enquiry)"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "STAND", 0, 0, "concerns about standard of care"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "APPRR", 0, 0, "carer approval removed"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "CREQB", 0, 0, "carer requested move due to child behaviour"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "CREQO", 0, 0, "carer requested move for other reasons"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "CHILD", 0, 0, "child requested move"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "LAREQ", 0, 0, "responsible authority requested move (not care-plan driven)"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "PLACE", 0, 0, "only the status of the placement changed"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "CUSTOD", 2019, 0, "child moved into custody (not under 10, rule 234)"},
    code_entry{"Episodes", "REASON_PLACE_CHANGE", "OTHER", 0, 0, "other reason"},
    code_entry{"Missing", "MISSING", "M", 0, 0, "missing from placement"},
    code_entry{"Missing", "MISSING", "A", 0, 0, "away from placement without authorisation"},
    code_entry{"Reviews", "REVIEW_CODE", "PN0", 0, 0, "child under 4 at review"},
    code_entry{"Reviews", "REVIEW_CODE", "PN1", 0, 0, "attends and speaks for self"},
    code_entry{"Reviews", "REVIEW_CODE", "PN2", 0, 0, "attends, advocate speaks for child"},
    code_entry{"Reviews", "REVIEW_CODE", "PN3", 0, 0, "attends, conveys views non-verbally"},
    code_entry{"Reviews", "REVIEW_CODE", "PN4", 0, 0, "attends but does not convey views"},
    code_entry{"Reviews", "REVIEW_CODE", "PN5", 0, 0, "does not attend, advocate conveys views"},
    code_entry{"Reviews", "REVIEW_CODE", "PN6", 0, 0, "does not attend, views sent by other means (e.g. written)"},
    code_entry{"Reviews", "REVIEW_CODE", "PN7", 0, 0, "does not attend and views not conveyed"},
    code_entry{"AD1", "FOSTER_CARE", "0", 0, 0, "not adopted by current foster carer"},
    code_entry{"AD1", "FOSTER_CARE", "1", 0, 0, "adopted by current foster carer"},
    code_entry{"AD1", "NB_ADOPTR", "1", 0, 0, "single adopter"},
    code_entry{"AD1", "NB_ADOPTR", "2", 0, 0, "adopting couple"},
    code_entry{"AD1", "SEX_ADOPTR", "M1", 0, 0, "single male adopter"},
    code_entry{"AD1", "SEX_ADOPTR", "F1", 0, 0, "single female adopter"},
    code_entry{"AD1", "SEX_ADOPTR", "MM", 0, 0, "male couple"},
    code_entry{"AD1", "SEX_ADOPTR", "FF", 0, 0, "female couple"},
    code_entry{"AD1", "SEX_ADOPTR", "MF", 0, 0, "male and female couple"},
    code_entry{"AD1", "LS_ADOPTR", "L0", 0, 0, "single person"},
    code_entry{"AD1", "LS_ADOPTR", "L11", 0, 0, "married couple, different sex"},
    code_entry{"AD1", "LS_ADOPTR", "L12", 0, 0, "married couple, same sex (MM/FF)"},
    code_entry{"AD1", "LS_ADOPTR", "L2", 0, 0, "civil partners"},
    code_entry{"AD1", "LS_ADOPTR", "L3", 0, 0, "unmarried couple, different sex (MF)"},
    code_entry{"AD1", "LS_ADOPTR", "L4", 0, 0, "unmarried couple, same sex (MM/FF)"},
    code_entry{"PlacedAdoption", "REASON_PLACED_CEASED", "RD1", 0, 0, "child's needs changed after decision"},
    code_entry{"PlacedAdoption", "REASON_PLACED_CEASED", "RD2", 0, 0, "court did not make placement order"},
    code_entry{"PlacedAdoption", "REASON_PLACED_CEASED", "RD3", 0, 0, "prospective adopters could not be found"},
    code_entry{"PlacedAdoption", "REASON_PLACED_CEASED", "RD4", 0, 0, "any other reason"},
    code_entry{"PrevPerm", "PREV_PERM", "P1", 0, 0, "previously adopted"},
    code_entry{"PrevPerm", "PREV_PERM", "P2", 0, 0, "previous special guardianship order"},
    code_entry{"PrevPerm", "PREV_PERM", "P3", 0, 0, "previous residence / child arrangements order"},
    code_entry{"PrevPerm", "PREV_PERM", "P4", 0, 0, "previous permanence order but type not known (uncertain wording)"},
    code_entry{"PrevPerm", "PREV_PERM", "Z1", 0, 0, "no previous permanence order / not known (date and LA must be blank, rule 635)"},
    code_entry{"OC2", "SDQ_REASON", "SDQ1", 0, 0, "no SDQ: child outside 4-16 age range at assessment"},
    code_entry{"OC2", "SDQ_REASON", "SDQ2", 0, 0, "no SDQ: carer refused to complete"},
    code_entry{"OC2", "SDQ_REASON", "SDQ3", 0, 0, "no SDQ: not possible due to severe disability"},
    code_entry{"OC2", "SDQ_REASON", "SDQ4", 0, 0, "no SDQ: other reason"},
    code_entry{"OC2", "SDQ_REASON", "SDQ5", 0, 0, "no SDQ: young person refused"},
    code_entry{"OC2", "CONVICTED", "0", 0, 0, "no"},
    code_entry{"OC2", "CONVICTED", "1", 0, 0, "yes"},
    code_entry{"OC2", "HEALTH_CHECK", "0", 0, 0, "no"},
    code_entry{"OC2", "HEALTH_CHECK", "1", 0, 0, "yes"},
    code_entry{"OC2", "IMMUNISATIONS", "0", 0, 0, "no"},
    code_entry{"OC2", "IMMUNISATIONS", "1", 0, 0, "yes"},
    code_entry{"OC2", "TEETH_CHECK", "0", 0, 0, "no"},
    code_entry{"OC2", "TEETH_CHECK", "1", 0, 0, "yes"},
    code_entry{"OC2", "HEALTH_ASSESSMENT", "0", 0, 0, "no"},
    code_entry{"OC2", "HEALTH_ASSESSMENT", "1", 0, 0, "yes"},
    code_entry{"OC2", "SUBSTANCE_MISUSE", "0", 0, 0, "no"},
    code_entry{"OC2", "SUBSTANCE_MISUSE", "1", 0, 0, "yes"},
    code_entry{"OC2", "INTERVENTION_RECEIVED", "0", 0, 0, "no"},
    code_entry{"OC2", "INTERVENTION_RECEIVED", "1", 0, 0, "yes"},
    code_entry{"OC2", "INTERVENTION_OFFERED", "0", 0, 0, "no"},
    code_entry{"OC2", "INTERVENTION_OFFERED", "1", 0, 0, "yes"},
    code_entry{"OC3", "IN_TOUCH", "YES", 0, 0, "LA in touch with care leaver"},
    code_entry{"OC3", "IN_TOUCH", "NO", 0, 0, "LA not in touch"},
    code_entry{"OC3", "IN_TOUCH", "DIED", 0, 0, "young person has died"},
    code_entry{"OC3", "IN_TOUCH", "REFU", 0, 0, "young person refuses contact"},
    code_entry{"OC3", "IN_TOUCH", "NREQ", 0, 0, "young person no longer needs services"},
    code_entry{"OC3", "IN_TOUCH", "RHOM", 0, 0, "returned home to parents for 6+ months"},
    code_entry{"OC3", "ACTIV", "F1", 0, 0, "full-time higher education"},
    code_entry{"OC3", "ACTIV", "P1", 0, 0, "part-time higher education"},
    code_entry{"OC3", "ACTIV", "F2", 0, 0, "full-time other education"},
    code_entry{"OC3", "ACTIV", "P2", 0, 0, "part-time other education"},
    code_entry{"OC3", "ACTIV", "F3", 0, 2022, "full-time training or employment (old combined code)"},
    code_entry{"OC3", "ACTIV", "P3", 0, 2022, "part-time training or employment (old combined code)"},
    code_entry{"OC3", "ACTIV", "F4", 2022, 0, "full-time training or apprenticeship"},
    code_entry{"OC3", "ACTIV", "P4", 2022, 0, "part-time training or apprenticeship"},
    code_entry{"OC3", "ACTIV", "F5", 2022, 0, "full-time employment"},
    code_entry{"OC3", "ACTIV", "P5", 2022, 0, "part-time employment"},
    code_entry{"OC3", "ACTIV", "G4", 0, 0, "not in education/training/employment due to illness or disability"},
    code_entry{"OC3", "ACTIV", "G5", 0, 0, "NEET for other reasons"},
    code_entry{"OC3", "ACTIV", "G6", 0, 0, "NEET due to pregnancy or parenting"},
    code_entry{"OC3", "ACTIV", "0", 0, 0, "no activity information (e.g. not in touch)"},
    code_entry{"OC3", "ACCOM", "B1", 0, 0, "with parents or relatives - suitable"},
    code_entry{"OC3", "ACCOM", "B2", 0, 0, "with parents or relatives - not suitable"},
    code_entry{"OC3", "ACCOM", "C1", 0, 0, "community home or other residential care - suitable"},
    code_entry{"OC3", "ACCOM", "C2", 0, 0, "community home or other residential care - not suitable"},
    code_entry{"OC3", "ACCOM", "D1", 0, 0, "semi-independent transitional accommodation - suitable"},
    code_entry{"OC3", "ACCOM", "D2", 0, 0, "semi-independent transitional accommodation - not suitable"},
    code_entry{"OC3", "ACCOM", "E1", 0, 0, "supported lodgings - suitable"},
    code_entry{"OC3", "ACCOM", "E2", 0, 0, "supported lodgings - not suitable"},
    code_entry{"OC3", "ACCOM", "G1", 0, 0, "gone abroad - suitable"},
    code_entry{"OC3", "ACCOM", "G2", 0, 0, "gone abroad - not suitable"},
    code_entry{"OC3", "ACCOM", "H1", 0, 0, "deported - suitable"},
    code_entry{"OC3", "ACCOM", "H2", 0, 0, "deported - not suitable"},
    code_entry{"OC3", "ACCOM", "K1", 0, 0, "ordinary lodgings without formal support - suitable"},
    code_entry{"OC3", "ACCOM", "K2", 0, 0, "ordinary lodgings without formal support - not suitable"},
    code_entry{"OC3", "ACCOM", "R1", 0, 0, "residence not known - suitable"},
    code_entry{"OC3", "ACCOM", "R2", 0, 0, "residence not known - not suitable"},
    code_entry{"OC3", "ACCOM", "S1", 0, 2023, "no fixed abode / homeless - suitable"},
    code_entry{"OC3", "ACCOM", "S2", 0, 0, "no fixed abode / homeless - not suitable"},
    code_entry{"OC3", "ACCOM", "T1", 0, 0, "foyer or similar supported accommodation (not under 18, rule 347) - suitable"},
    code_entry{"OC3", "ACCOM", "T2", 0, 0, "foyer or similar supported accommodation (not under 18, rule 347) - not suitable"},
    code_entry{"OC3", "ACCOM", "U1", 0, 0, "independent living - suitable"},
    code_entry{"OC3", "ACCOM", "U2", 0, 0, "independent living - not suitable"},
    code_entry{"OC3", "ACCOM", "V1", 0, 0, "emergency accommodation - suitable"},
    code_entry{"OC3", "ACCOM", "V2", 0, 0, "emergency accommodation - not suitable"},
    code_entry{"OC3", "ACCOM", "W1", 0, 0, "bed and breakfast - suitable"},
    code_entry{"OC3", "ACCOM", "W2", 0, 0, "bed and breakfast - not suitable"},
    code_entry{"OC3", "ACCOM", "X1", 0, 2023, "in custody - suitable"},
    code_entry{"OC3", "ACCOM", "X2", 0, 0, "in custody - not suitable"},
    code_entry{"OC3", "ACCOM", "Y1", 0, 0, "other accommodation - suitable"},
    code_entry{"OC3", "ACCOM", "Y2", 0, 0, "other accommodation - not suitable"},
    code_entry{"OC3", "ACCOM", "Z1", 0, 0, "with former foster carers - suitable"},
    code_entry{"OC3", "ACCOM", "Z2", 0, 0, "with former foster carers - not suitable"},
    code_entry{"OC3", "ACCOM", "0", 0, 0, "no accommodation information (e.g. not in touch)"},
    code_entry{"SWEpisodes", "SW_REASON", "MANAGE", 2024, 0, "management decision (e.g. caseload)"},
    code_entry{"SWEpisodes", "SW_REASON", "FCONTA", 2024, 0, "fixed-term/agency contract ended"},
    code_entry{"SWEpisodes", "SW_REASON", "LEFTRL", 2024, 0, "social worker left role"},
    code_entry{"SWEpisodes", "SW_REASON", "ORGRST", 2024, 0, "organisational restructure"},
    code_entry{"SWEpisodes", "SW_REASON", "TSPROC", 2024, 0, "transfer between teams as part of process"},
    code_entry{"SWEpisodes", "SW_REASON", "ABSENC", 2024, 0, "social worker long-term absence"},
    code_entry{"SWEpisodes", "SW_REASON", "CHCHAN", 2024, 0, "child requested change"},
    code_entry{"SWEpisodes", "SW_REASON", "PCCHAN", 2024, 0, "parent/carer requested change"},
    code_entry{"SWEpisodes", "SW_REASON", "SWDIED", 2024, 0, "social worker died"},
    code_entry{"SWEpisodes", "SW_REASON", "OTHERS", 2024, 0, "other reason"},
};

/// True when column `field` of `table` has a code list.
[[nodiscard]] constexpr bool has_code_list(std::string_view table, std::string_view field) noexcept {
    for (const auto& e : code_list)
        if (e.table == table && e.field == field) return true;
    return false;
}

/// The entry for `code` in column `field` of `table`, in any year; nullopt for an unknown code.
/// Codes are compared exactly: "c2" is not "C2" (see `find_code_any_case`).
[[nodiscard]] constexpr std::optional<code_entry> find_code(std::string_view table,
                                                            std::string_view field,
                                                            std::string_view code) noexcept {
    for (const auto& e : code_list)
        if (e.table == table && e.field == field && e.code == code) return e;
    return std::nullopt;
}

/// Like `find_code`, but "c2" finds "C2" (ASCII letters only).
[[nodiscard]] constexpr std::optional<code_entry>
find_code_any_case(std::string_view table, std::string_view field, std::string_view code) noexcept {
    auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
    for (const auto& e : code_list) {
        if (e.table != table || e.field != field || e.code.size() != code.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < code.size() && same; ++i) same = upper(code[i]) == e.code[i];
        if (same) return e;
    }
    return std::nullopt;
}

} // namespace carepath::ssda903
