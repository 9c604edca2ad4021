import pytest


@pytest.mark.django_db
def test_start_page_is_served_in_japanese_and_english(client):
    assert client.get("/ja/").status_code == 200
    assert client.get("/en/").status_code == 200
