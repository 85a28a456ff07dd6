"""The page in headless Chromium (Playwright driving Debian's chromium; no browser download).

Skips cleanly where the chromium binary or the playwright package is absent.
A screenshot of every step is saved (``CMLINT_SCREENSHOTS`` names a folder to keep them).
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import RunningServer
from server_samples import SALES_TEXT, TITLE

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, live_server: RunningServer, tmp_path: Path):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True, locale="ru-RU")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith((live_server.url, "blob:", "data:")) else None)
    page.goto(live_server.url)
    yield page
    assert not outside, f"the page asked for something outside the server: {outside}"
    context.close()


def shot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    keep = os.environ.get("CMLINT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


def test_paste_see_cm001_fix_everything(page, tmp_path: Path) -> None:
    expect = sync_api.expect
    page.fill("#title", TITLE)
    page.fill("#text", SALES_TEXT)
    highlighted = page.locator("#title-backdrop mark.m-warning")
    expect(highlighted).to_have_text(TITLE, timeout=15_000)
    card = page.locator(".finding.warning", has=page.locator(".code", has_text="CM001"))
    expect(card).to_be_visible()
    expect(card.locator(".bar").first).to_contain_text("продажи")
    expect(card.locator(".evidence li").first).to_contain_text("холодные звонки")
    expect(page.locator("#score-number")).to_have_text("75")
    expect(page.locator("#verdict")).to_have_text("нужно исправить")
    expect(page.locator("#text-backdrop mark.m-evidence").first).to_be_visible()
    suggested = card.locator(".fixes button").first.inner_text().split("«")[1].rstrip("»")
    shot(page, tmp_path, "1-cm001")

    # hovering the highlighted title shows the finding
    box = page.locator("#title").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + box["height"] / 2)
    expect(page.locator("#tooltip")).to_contain_text("Предупреждение: Название «Комьюнити-менеджер»")

    page.click("#fix-all")
    expect(page.locator("#title")).to_have_value(suggested, timeout=15_000)
    assert suggested == "Менеджер по продажам"
    assert "Ищем менеджера по продажам" in page.input_value("#text")
    expect(page.locator(".code", has_text="CM001")).to_have_count(0)
    expect(page.locator("#status")).to_contain_text("Внесено 1 исправление")
    shot(page, tmp_path, "2-fixed")

    with page.expect_download() as download:
        page.click("#download")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved.startswith("Менеджер по продажам\n\nИщем менеджера по продажам")
    page.click("#copy")
    assert page.evaluate("navigator.clipboard.readText()") == saved


def test_one_fix_explanation_and_keyboard(page, tmp_path: Path) -> None:
    expect = sync_api.expect
    page.fill("#text", "Комьюнити-менеджер\nОбязанности:\n- проводить встречи участников\n- знакомить новичков друг с другом\nТребования:\n- требуется девушка, возраст от 25 до 35 лет\n- опыт продажника не нужен\nЗарплата 90 000 ₽")
    error = page.locator(".group.error .finding").first
    expect(error).to_contain_text("Ошибка", timeout=15_000)
    assert page.locator(".group").first.get_attribute("class") == "group error"  # errors come first
    expect(page.locator("#text-backdrop mark.m-error").first).to_be_visible()

    # the explanation is one click (or one key press) away
    explain = error.locator("button", has_text="Почему это важно?")
    explain.focus()
    page.keyboard.press("Enter")
    expect(error.locator(".explanation")).to_be_visible()
    assert explain.get_attribute("aria-expanded") == "true"

    # «Показать в тексте» puts the caret on the finding and says what is there
    error.locator("button", has_text="Показать в тексте").click()
    expect(page.locator("#caret-hint")).to_contain_text("Ошибка:")

    jargon = page.locator(".finding", has=page.locator(".code", has_text="SY003"))
    jargon.locator(".fixes button").first.click()
    expect(page.locator("#text")).not_to_have_value(re.compile("продажника"), timeout=15_000)
    assert "опыт менеджера по продажам не нужен" in page.input_value("#text")
    expect(page.locator(".code", has_text="LG001")).to_have_count(1)  # only the chosen fix went in
    shot(page, tmp_path, "3-one-fix")


def test_clean_posting_says_so(page, tmp_path: Path) -> None:
    expect = sync_api.expect
    page.fill("#title", TITLE)
    page.fill("#text", "Обязанности:\n- проводить встречи участников клуба\n- знакомить новичков друг с другом\n- модерировать чат по правилам сообщества\nЗарплата 90 000 ₽")
    expect(page.locator("#summary")).to_have_text("Замечаний нет — можно публиковать.", timeout=15_000)
    expect(page.locator("#score-number")).to_have_text("100")
    expect(page.locator("#fix-all")).to_be_disabled()
    shot(page, tmp_path, "4-clean")


def test_upload_a_word_file(page, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Комьюнити-менеджер")
    document.add_paragraph("Обязанности:")
    for duty in ("холодные звонки", "выполнение плана продаж", "ведение сделок в CRM"):
        document.add_paragraph(duty, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "черновик.docx"
    path.write_bytes(buffer.getvalue())
    page.set_input_files("#file", str(path))
    sync_api.expect(page.locator("#text")).to_have_value("Комьюнити-менеджер\nОбязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM\n", timeout=15_000)
    sync_api.expect(page.locator("#text-backdrop mark.m-warning")).to_have_text("Комьюнити-менеджер", timeout=15_000)


def test_a_salary_kept_apart_satisfies_no_salary(page) -> None:
    expect = sync_api.expect
    page.fill("#title", "Оператор call-центра")
    page.fill("#text", "Обязанности:\n- принимать входящие звонки\n- оформлять заказы в CRM")
    no_salary = page.locator(".code", has_text="ST004")
    expect(no_salary).to_have_count(1, timeout=15_000)
    page.fill("#salary", "от 60 000 ₽ на руки")
    expect(no_salary).to_have_count(0, timeout=15_000)
    page.fill("#salary", "по договорённости")
    expect(no_salary).to_have_count(1, timeout=15_000)
