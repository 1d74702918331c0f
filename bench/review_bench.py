#!/usr/bin/env python3
"""The review page at scale: a parallel French–English pair of N sentences
(default 10000) from the WMT dev news in ../shared, aligned into a TM, opened
with `ancre review` in headless Chromium (WebDriver). Prints the first paint
(first contentful paint, and every bead drawn), and the latency of review
actions as the page measures them (click to redrawn rows, server included).

Usage: bench/review_bench.py [BUILD_DIR] [N]   (needs chromium, chromium-driver,
python3-selenium: scripts/setup.sh --test)
"""
import glob
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "build")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
ancre = os.path.join(build, "ancre")
wmt = os.path.join(here, "..", "shared", "data", "wmt-newstest-fren-dev")
work = tempfile.mkdtemp(prefix="ancre-review-bench-")

seg = re.compile(r'<seg id="\d+">\s*(.*?)\s*</seg>')
fr, en = [], []
for f in sorted(glob.glob(wmt + "/*.fr.sgm")):
    a = seg.findall(open(f, encoding="utf-8").read())
    b = seg.findall(open(f.replace(".fr.sgm", ".en.sgm"), encoding="utf-8").read())
    if len(a) == len(b):
        fr += a
        en += b
if not fr:
    sys.exit("review_bench: the WMT dev news are not in ../shared/data")
while len(fr) < n:
    fr, en = fr + fr, en + en
fr, en = fr[:n], en[:n]
del en[n // 2]
open(work + "/fr.txt", "w", encoding="utf-8").write("\n".join(fr) + "\n")
open(work + "/en.txt", "w", encoding="utf-8").write("\n".join(en) + "\n")
db = work + "/tm.sqlite"
subprocess.run([ancre, "align", work + "/fr.txt", work + "/en.txt", "--src-lang", "fr",
                "--tgt-lang", "en", "--presegmented", "--mode", "parallel", "--db", db,
                "--quiet"], check=True)

start = time.monotonic()
server = subprocess.Popen([ancre, "review", "--db", db, "--reviewer", "bench"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
url = server.stdout.readline().split(": ", 1)[1].strip()
serving = time.monotonic() - start

options = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--window-size=1400,1000", "--user-data-dir=" + work + "/profile"):
    options.add_argument(a)
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
wait = WebDriverWait(driver, 300)
try:
    driver.get(url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    body = driver.find_element(By.TAG_NAME, "body")
    ready_ms = int(body.get_attribute("data-ready-ms"))
    first_rows_ms = int(body.get_attribute("data-first-rows-ms"))
    fcp = driver.execute_script(
        "var e=performance.getEntriesByName('first-contentful-paint')[0];"
        "return e?Math.round(e.startTime):null;")
    beads = driver.execute_script("return document.querySelectorAll('#rows .row').length;")
    ids = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#rows .row'),"
        "function(r){return Number(r.dataset.bead);});")

    def act(script):
        before = int(body.get_attribute("data-done"))
        driver.execute_script(script)
        wait.until(lambda d: int(body.get_attribute("data-done")) > before)
        return int(body.get_attribute("data-last-ms"))

    def click(bead, name):
        return act("var b=document.querySelector('#rows .row[data-bead=\"%d\"] .mid "
                   "button[data-act=\"%s\"]');b.scrollIntoView({block:'center'});b.click();"
                   % (bead, name))

    latencies = {"confirm": [], "merge with next": [], "split": [], "undo": []}
    for k in range(10):
        bead = ids[len(ids) // 3 + 3 * k]
        latencies["confirm"].append(click(bead, "confirm"))
        latencies["merge with next"].append(click(bead, "merge-next"))
        latencies["split"].append(click(bead, "split"))
        latencies["undo"].append(act("document.getElementById('undo').click();"))
    print("review of %d sentences per side (%d beads), %s" % (n, beads, os.path.basename(build)))
    print("  server up and URL printed:     %5.0f ms" % (serving * 1000))
    print("  first contentful paint:        %5s ms" % fcp)
    print("  first screen of beads drawn:   %5d ms" % first_rows_ms)
    print("  every bead drawn (page ready): %5d ms" % ready_ms)
    for name, values in latencies.items():
        print("  %-16s median %4.0f ms, max %4d ms (%d actions, click to redrawn rows)"
              % (name, statistics.median(values), max(values), len(values)))
finally:
    driver.quit()
    server.send_signal(signal.SIGINT)
    server.wait(timeout=60)
    shutil.rmtree(work, ignore_errors=True)
