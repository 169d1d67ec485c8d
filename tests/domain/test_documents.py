"""Document kinds: stable keys, a step each, and the kind a file's name points at."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keidesk.domain.documents import STEP_EVIDENCE, DocumentKind, expected_papers, guess_kind
from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepKey


def test_the_kinds_are_the_stable_keys_the_contract_names():
    assert [k.value for k in DocumentKind] == [
        "export_certificate",
        "export_certificate_translation",
        "invoice",
        "bill_of_lading",
        "cbp_7501",
        "cbp_3461",
        "hs7",
        "epa_3520_1",
        "lien_release",
        "bill_of_sale",
        "title",
        "inspection",
        "insurance",
        "id_document",
        "photo",
        "other",
    ]
    assert all(kind.label for kind in DocumentKind)


def test_each_expected_paper_is_filed_under_the_step_that_expects_it():
    for step, kinds in STEP_EVIDENCE.items():
        for kind in kinds:
            assert kind.default_step is step, kind
    assert expected_papers(StepKey.CUSTOMS) == (
        DocumentKind.CBP_7501,
        DocumentKind.HS7,
        DocumentKind.EPA_3520_1,
    )
    assert expected_papers(StepKey.EMISSIONS) == ()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("BL_MSCU1234567.pdf", DocumentKind.BILL_OF_LADING),
        ("B-L scan.pdf", DocumentKind.BILL_OF_LADING),
        ("Bill of Lading.pdf", DocumentKind.BILL_OF_LADING),
        ("7501 stamped.pdf", DocumentKind.CBP_7501),
        ("７５０１.pdf", DocumentKind.CBP_7501),  # full-width digits
        ("cbp3461.pdf", DocumentKind.CBP_3461),
        ("HS-7 signed.pdf", DocumentKind.HS7),
        ("hs7.pdf", DocumentKind.HS7),
        ("EPA 3520-1.pdf", DocumentKind.EPA_3520_1),
        ("輸出予定届出証明書.pdf", DocumentKind.EXPORT_CERTIFICATE),
        ("export certificate DA63T.pdf", DocumentKind.EXPORT_CERTIFICATE),
        ("export cert translation.pdf", DocumentKind.EXPORT_CERTIFICATE_TRANSLATION),
        ("輸出証明書 翻訳.pdf", DocumentKind.EXPORT_CERTIFICATE_TRANSLATION),
        ("lien release.pdf", DocumentKind.LIEN_RELEASE),
        ("Bill of sale Lee.pdf", DocumentKind.BILL_OF_SALE),
        ("auction invoice 0412.pdf", DocumentKind.INVOICE),
        ("TX title.jpg", DocumentKind.TITLE),
        ("smog check.pdf", DocumentKind.INSPECTION),
        ("insurance card.pdf", DocumentKind.INSURANCE),
        ("drivers license.jpg", DocumentKind.ID_DOCUMENT),
        ("IMG_2041.jpg", DocumentKind.PHOTO),
        ("front.png", DocumentKind.OTHER),
    ],
)
def test_the_kind_is_guessed_from_the_file_name(name, kind):
    assert guess_kind(name) is kind


def test_an_image_with_no_telling_name_is_a_photo():
    assert guess_kind("front.png", "image/png") is DocumentKind.PHOTO
    assert guess_kind("scan.pdf", "application/pdf") is DocumentKind.OTHER


@given(st.text(max_size=300))
def test_any_name_gets_a_kind(name):
    assert isinstance(guess_kind(name), DocumentKind)


def test_parse_accepts_the_key_in_other_spellings_and_refuses_others():
    assert DocumentKind.parse(" Bill-Of-Lading ") is DocumentKind.BILL_OF_LADING
    with pytest.raises(InvalidInput, match=r"no document kind 'bol'.*bill_of_lading"):
        DocumentKind.parse("bol")
