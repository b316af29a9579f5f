# Tests of `carepath analyse --relationships FILE` on the hand-worked case in
# tests/data/ssda903/relationships/ (its README works out each figure). Uses cp_cli_test from
# cli.cmake, which the glob in tools/CMakeLists.txt includes before this file.
set(cp_rel ${PROJECT_SOURCE_DIR}/tests/data/ssda903/relationships)

# 201's move: 4 relationships before it (2 kept, 1 ended, 1 unrecorded); on 31 March 2025,
# 201 and 202 live apart, 203 and 204 together.
cp_cli_test(cli_analyse_relationships RC 0
            ARGS analyse ${cp_rel}/return --relationships ${cp_rel}/relationships.csv
                 --out ${cp_work}/rel
            OUT "continuity per move: 4 relationships before moves, 1 unrecorded\n  siblings on 2025-03-31: 2 of 4 apart from at least one sibling in care"
            ERR "relationships: 10 of 10 rows joined, for 4 children"
            FILE ${cp_work}/rel/report.html FILE_RE "Relationships from [^<]*relationships.csv")
cp_cli_test(cli_analyse_relationships_json RC 0
            ARGS analyse ${cp_rel}/return --relationships ${cp_rel}/relationships.csv
                 --format json --out ${cp_work}/rel-json
            OUT "\"continuity\": \\[[^]]*\"ended\": 1[^]]*\"kept\": 2[^]]*\"unrecorded\": 1.*\"siblings\": \\[[^]]*\"apart\": 2[^]]*\"with_sibling_in_care\": 4")
# Without the extract the same return says continuity and siblings are not known.
cp_cli_test(cli_analyse_relationships_absent RC 0 ARGS analyse ${cp_rel}/return --out ${cp_work}/rel0
            OUT "continuity per move: not known.*sibling separation: not known")
# Rows that cannot be used: each named by file, line, column, field and value; the others join.
cp_cli_test(cli_analyse_relationships_bad RC 1
            ARGS analyse ${cp_rel}/return --relationships ${cp_rel}/relationships_bad.csv
                 --out ${cp_work}/rel-bad
            ERR "relationships_bad.csv:13:6: END=\"01/01/2019\": ends before it starts.*relationships_bad.csv:14:4: TYPE=\"godparent\": unknown relationship TYPE.*relationships_bad.csv:12:1: CHILD=\"999\": no child of the return has this CHILD id.*relationships_bad.csv:15:5: START=\"01/10/2024\": overlaps the spell of the same person and type on line 6.*10 of 12 rows joined"
            OUT "siblings on 2025-03-31: 2 of 4 apart")
cp_cli_test(cli_analyse_relationships_missing RC 2
            ARGS analyse ${cp_rel}/return --relationships ${cp_rel}/nope.csv --out ${cp_work}/rel-no
            ERR "nope.csv: cannot open the relationships file")
cp_cli_test(cli_analyse_relationships_not_an_extract RC 2
            ARGS analyse ${cp_rel}/return --relationships ${cp_rel}/return/header.csv
                 --out ${cp_work}/rel-no
            ERR "header.csv:1: PERSON=\"\": required column missing: the file is not read")
