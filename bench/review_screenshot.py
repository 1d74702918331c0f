#!/usr/bin/env python3
"""Writes samples/review.png: the review page of the sample pair as headless
Chromium shows it (1280 x 1000 CSS pixels), after confirming its first pair
and merging the second with the bead after it, scrolled to the first pair. Run after the page changes.
Usage: bench/review_screenshot.py [BUILD_DIR]   (chromium, chromium-driver,
python3-selenium: scripts/setup.sh --test)
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ancre = os.path.join(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "build"), "ancre")
work = tempfile.mkdtemp(prefix="ancre-review-shot-")
db = os.path.join(work, "tm.sqlite")
samples = os.path.join(here, "samples")
subprocess.run([ancre, "align", samples + "/cambodia-korea-scams.fr.txt",
                samples + "/cambodia-korea-scams.en.txt", "--src-lang", "fr", "--tgt-lang", "en",
                "--db", db, "--quiet"], check=True)
server = subprocess.Popen([ancre, "review", "--db", db, "--reviewer", "ana"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
url = server.stdout.readline().split(": ", 1)[1].strip()
options = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
          "--window-size=1280,1000", "--user-data-dir=" + work + "/profile"):
    options.add_argument(a)
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
wait = WebDriverWait(driver, 120)
try:
    driver.get(url)
    body = driver.find_element(By.TAG_NAME, "body")
    wait.until(lambda d: body.get_attribute("data-ready") == "1")
    pairs = driver.find_elements(By.CSS_SELECTOR, "#rows .row.high, #rows .row.medium, #rows .row.low")
    for row, name in ((pairs[0], "confirm"), (pairs[1], "merge-next")):
        before = int(body.get_attribute("data-done"))
        row.find_element(By.CSS_SELECTOR, '.mid button[data-act="%s"]' % name).click()
        wait.until(lambda d: int(body.get_attribute("data-done")) > before)
    driver.execute_script("document.querySelector('#rows .row.is-confirmed')"
                          ".scrollIntoView({block: 'center'}); document.activeElement.blur();")
    driver.save_screenshot(os.path.join(samples, "review.png"))
    print("samples/review.png written")
finally:
    driver.quit()
    server.send_signal(signal.SIGINT)
    server.wait(timeout=60)
    shutil.rmtree(work, ignore_errors=True)
