#!/usr/bin/env python3
"""Uses the running diplomap web app in headless Chromium, as a new reader would, and checks it.

    web_browser.py BASE_URL SCREENSHOT.png        e.g. web_browser.py http://127.0.0.1:8080 web.png

From the map page `/` it ticks one issue in the filters and submits the form, checks
that the address now carries the filter and that the heatmap shows that issue only,
then opens the Uzbekistan-South Korea pair from its row of the heatmap and checks
that its evidence is listed with citation links. Fails on any console error; saves
a screenshot of the pair's page. Last, it asks for a map with an unknown partner,
checks that the form comes back with that field marked, corrects it there and
gets the map.
"""
import sys
from urllib.parse import parse_qs, urlparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ISSUE = "economy.trade"


def heatmap_anchors(driver):
    """The issue anchors the heatmap's cells link to, and the number of linked cells."""
    links = driver.find_elements(By.CSS_SELECTOR, "table.heatmap td a")
    return {urlparse(link.get_attribute("href")).fragment for link in links}, len(links)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def main(base, screenshot):
    base = base.rstrip("/")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 60)
    errors = []
    try:
        driver.get(base + "/")
        before, cells_before = heatmap_anchors(driver)
        assert len(before) > 1, f"the unfiltered heatmap links to {len(before)} issues"
        for element in driver.find_elements(By.CSS_SELECTOR, "form.filters input:not([type=hidden])"):
            element_id = element.get_attribute("id")
            assert driver.find_elements(By.CSS_SELECTOR, f'label[for="{element_id}"]'), f"control {element_id} has no label"
        errors += console_errors(driver)

        box = driver.find_element(By.CSS_SELECTOR, f'form.filters input[name="issues"][value="{ISSUE}"]')
        driver.find_element(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"]').click()
        assert box.is_selected(), "the issue's label does not tick its box"
        driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        wait.until(lambda d: "issues=" in d.current_url)
        query = parse_qs(urlparse(driver.current_url).query)
        assert query.get("issues") == [ISSUE], f"the address does not carry the filter: {driver.current_url}"
        after, cells_after = heatmap_anchors(driver)
        assert after == {f"issue-{ISSUE}"}, f"the filtered heatmap still links to {sorted(after)}"
        assert 0 < cells_after < cells_before, f"{cells_before} cells before the filter, {cells_after} after"
        assert driver.find_element(By.CSS_SELECTOR, f'form.filters input[value="{ISSUE}"]').is_selected(), "the form forgot the filter"
        errors += console_errors(driver)

        driver.get(base + "/")
        row = driver.find_element(By.XPATH, '//table[contains(@class,"heatmap")]//th[@scope="row"]/a[normalize-space()="Uzbekistan – South Korea"]')
        row.click()
        wait.until(expected_conditions.url_contains("/dyad/UZB-KOR"))
        assert "Uzbekistan and South Korea" in driver.find_element(By.TAG_NAME, "h1").text
        issues = driver.find_elements(By.CSS_SELECTOR, "table.scores tbody tr")
        assert issues, "the pair's page shows no issue scores"
        # A piece of evidence each; a fact's further sources ("Also cited") are a list inside its item.
        items = driver.find_elements(By.XPATH, "//*[@id='evidence']//li[not(parent::ul[contains(@class, 'also')])]")
        cited = driver.find_elements(By.CSS_SELECTOR, '#evidence li p.cite a[href^="http"]')
        assert items, "the pair's page lists no evidence"
        uncited = [item.text[:80] for item in items if not item.find_elements(By.CSS_SELECTOR, "p.cite")]
        assert not uncited, f"evidence without its citation: {uncited}"
        assert cited, "no piece of evidence links to its source"
        anchor = issues[0].find_element(By.TAG_NAME, "a")
        anchor.click()
        target = driver.execute_script("return location.hash").lstrip("#")
        assert driver.find_element(By.ID, target).find_elements(By.CSS_SELECTOR, "p.cite"), f"the issue {target} shows no citations"
        errors += console_errors(driver)
        assert not errors, f"console errors: {errors}"
        driver.save_screenshot(screenshot)

        # Last, as the 400 it answers is logged by the browser as a failed load.
        driver.get(base + "/?partners=JPN,Atlantis")
        field = driver.find_element(By.ID, "partners")
        assert field.get_attribute("aria-invalid") == "true", "the unknown partner is not marked in the form"
        assert "Atlantis" in driver.find_element(By.ID, "partners-problem").text, "the form does not say what is wrong"
        field.clear()
        field.send_keys("JPN")
        driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        wait.until(lambda d: parse_qs(urlparse(d.current_url).query).get("partners") == ["JPN"])
        corrected, corrected_cells = heatmap_anchors(driver)
        assert corrected_cells > 0, "the corrected filters give no map"
        print(f"web: filter on {ISSUE} narrowed the heatmap from {cells_before} to {cells_after} cells; "
              f"Uzbekistan-South Korea shows {len(issues)} issues and {len(items)} pieces of evidence, {len(cited)} with web citations; "
              f"no console errors; an unknown partner was marked in the form, corrected there to a map of {corrected_cells} cells: ok")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
