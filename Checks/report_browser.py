#!/usr/bin/env python3
"""Opens diplomap's HTML report in headless Chromium, as a reader would, and checks it.

    report_browser.py REPORT.html SCREENSHOT.png

Fails on any console error, and unless the page shows the map, the heatmap
with a row for every pair and its cells of UN votes alone marked, the pattern
table and at most three sentences per partner, the UN vote agreement
charts and the evidence of a cell after a click on it.
"""
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def main(report, screenshot):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(Path(report).resolve().as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "table.heatmap tbody tr")
        assert len(rows) == 30, f"expected 30 pairs (6 focus sides x 5 partners), found {len(rows)}"
        assert driver.find_elements(By.CSS_SELECTOR, "svg.geomap path.focus"), "no focus states on the map"
        partners = driver.find_elements(By.CSS_SELECTOR, "#patterns .sentences > li")
        assert len(partners) == 5, f"expected the pattern sentences of 5 partners, found {len(partners)}"
        for partner in partners:
            sentences = partner.find_elements(By.CSS_SELECTOR, "ul > li")
            assert 1 <= len(sentences) <= 3, f"expected one to three sentences for {partner.text[:40]!r}, found {len(sentences)}"
        classes = driver.find_elements(By.CSS_SELECTOR, "#patterns table.patterns tbody tr")
        assert len(classes) == 5, f"expected a row of pattern classes per partner, found {len(classes)}"
        assert driver.find_elements(By.CSS_SELECTOR, "table.heatmap td.votes"), "no cell marked as resting on UN votes alone"
        charts = driver.find_elements(By.CSS_SELECTOR, "#votes svg.agreement")
        assert len(charts) == 25, f"expected a UN vote agreement chart per state pair, found {len(charts)}"
        link = driver.find_element(By.CSS_SELECTOR, 'a[href="#cell-C5-TUR-political.multilateral"]')
        link.click()
        target = driver.find_element(By.ID, "cell-C5-TUR-political.multilateral")
        assert "SEnECA" in target.text, "the C5-Turkey multilateral cell does not show its seed citation"
        assert driver.execute_script("return location.hash") == "#cell-C5-TUR-political.multilateral"
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert not errors, f"console errors: {errors}"
        driver.save_screenshot(screenshot)
        print(f"report: {len(rows)} pairs, map, patterns and evidence shown, no console errors: ok")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
