import pytest

from triage.exceptions import ConfigError
from triage.taxonomy import load_taxonomy


def test_default_taxonomy_has_the_eleven_departments_and_out_of_scope_last():
    taxonomy = load_taxonomy()
    assert taxonomy.department_ids == [
        "etat_civil",
        "urbanisme",
        "voirie",
        "dechets_proprete",
        "education_enfance",
        "action_sociale",
        "finances",
        "environnement_espaces_verts",
        "tranquillite_publique",
        "culture_sport_associations",
        "ressources_humaines",
    ]
    assert taxonomy.labels[-1] == "hors_perimetre"
    assert all(d.label and d.description for d in taxonomy.departments)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "departments: [{id: a, label: A}, {id: a, label: B}]\nout_of_scope: {id: z, label: Z}",
            "twice",
        ),
        (
            "departments: [{id: human_review, label: A}, {id: b, label: B}]\n"
            "out_of_scope: {id: z, label: Z}",
            "reserved",
        ),
        (
            "departments: [{id: A B, label: A}, {id: b, label: B}]\n"
            "out_of_scope: {id: z, label: Z}",
            "lower-case",
        ),
        ("departments: [{id: a, label: A}]\nout_of_scope: {id: z, label: Z}", "two"),
    ],
)
def test_invalid_taxonomy_is_refused(tmp_path, body, message):
    path = tmp_path / "t.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_taxonomy(path)
