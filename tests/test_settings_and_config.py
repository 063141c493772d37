"""Settings fail fast naming the variable; a broken config file names the file, key, problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import ConfigError, load_council_config
from ingest_service.settings import SettingsError, load_settings


def test_defaults_live_under_the_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LADO_DATA_DIR", str(tmp_path))
    settings = load_settings()
    assert settings.database_url == f"sqlite:///{tmp_path / 'lado-intake.sqlite3'}"
    assert settings.mailbox_url == f"maildir://{tmp_path / 'demo-mailbox'}"


def test_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LADO_POLL_INTERVAL_SECONDS", "often")
    with pytest.raises(SettingsError, match=r"^LADO_POLL_INTERVAL_SECONDS: .*integer"):
        load_settings()


def test_settings_file_is_read_and_env_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings_file = tmp_path / "lado.toml"
    settings_file.write_text('poll_interval_seconds = 300\nreply_mode = "approval"\n')
    monkeypatch.setenv("LADO_SETTINGS_FILE", str(settings_file))
    monkeypatch.setenv("LADO_REPLY_MODE", "automatic")
    settings = load_settings()
    assert settings.poll_interval_seconds == 300
    assert settings.reply_mode == "automatic"


def test_missing_settings_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LADO_SETTINGS_FILE", str(tmp_path / "absent.toml"))
    with pytest.raises(SettingsError, match="LADO_SETTINGS_FILE: no such file"):
        load_settings()


@pytest.fixture
def config_copy(tmp_path: Path) -> Path:
    target = tmp_path / "config"
    shutil.copytree(
        DEFAULT_CONFIG_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__")
    )
    return target


def test_shipped_config_keeps_the_reference_ids(config_copy: Path) -> None:
    council = load_council_config(config_copy)
    assert [s.id for s in council.form.sections] == [
        "referrer",
        "subject",
        "employer",
        "allegation",
        "children",
        "history",
        "actions",
    ]
    assert "risk_by_association" in council.taxonomy.allegation_type_ids
    assert council.form.section("children").repeatable


def test_unknown_required_field_names_file_and_section(config_copy: Path) -> None:
    schema = config_copy / "form_schema.yaml"
    schema.write_text(
        schema.read_text().replace("required: [previous_concerns]", "required: [previous_concern]")
    )
    with pytest.raises(ConfigError) as caught:
        load_council_config(config_copy)
    assert caught.value.file == schema
    assert caught.value.key == "sections[history]"
    assert "previous_concern" in caught.value.problem


def test_invalid_yaml_names_the_line(config_copy: Path) -> None:
    taxonomy = config_copy / "taxonomy.yaml"
    taxonomy.write_text("allegation_types: [unclosed\n")
    with pytest.raises(ConfigError, match=r"taxonomy\.yaml: line \d+: not valid YAML"):
        load_council_config(config_copy)


def test_broken_reply_template_is_refused(config_copy: Path) -> None:
    replies = config_copy / "replies.yaml"
    replies.write_text(replies.read_text().replace("{{ reference }}]", "{{ reference ]", 1))
    with pytest.raises(ConfigError) as caught:
        load_council_config(config_copy)
    assert caught.value.key == "missing_information.subject"
    assert "template error" in caught.value.problem
