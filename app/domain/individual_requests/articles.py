"""The citations of requests from individuals (開示等の請求等, DOMAIN.md §5): one place, so that
correcting an article number is one edit. Article numbers are those of the APPI as in force
since 2022-04-01 (令和2年・3年改正), checked against the e-Gov text (lawid 415AC0000000057)."""

from __future__ import annotations

APPI = "個人情報保護法"
APPI_32_2 = f"{APPI}第32条第2項"
APPI_32_2_PROVISO = f"{APPI}第32条第2項ただし書"
APPI_32_2_1 = f"{APPI}第32条第2項第1号"
# 第32条第2項第2号 refers to 第21条第4項第1号から第3号まで (not 第4号): cited together.
APPI_32_2_2_21_4_1 = f"{APPI}第32条第2項第2号・第21条第4項第1号"
APPI_32_2_2_21_4_2 = f"{APPI}第32条第2項第2号・第21条第4項第2号"
APPI_32_2_2_21_4_3 = f"{APPI}第32条第2項第2号・第21条第4項第3号"
APPI_33 = f"{APPI}第33条"
APPI_33_2_PROVISO = f"{APPI}第33条第2項ただし書"
APPI_33_2_1 = f"{APPI}第33条第2項第1号"
APPI_33_2_2 = f"{APPI}第33条第2項第2号"
APPI_33_2_3 = f"{APPI}第33条第2項第3号"
APPI_34 = f"{APPI}第34条"
# 第35条: 第1項 is the request and 第2項 the duty for 利用停止等; 第3項/第4項 the same for 第三者提供
# の停止; 第5項 (no longer needed, a reportable leak, rights at risk) opens both, with the duty in
# 第6項; 第7項 is the notice of either.
APPI_35_USAGE = f"{APPI}第35条第1項・第2項・第5項・第6項"
APPI_35_PROVISION = f"{APPI}第35条第3項・第4項・第5項・第6項"
APPI_36 = f"{APPI}第36条"
APPI_37 = f"{APPI}第37条"
APPI_37_ORDER_12 = f"{APPI}第37条・施行令第12条"
APPI_37_3_ORDER_13 = f"{APPI}第37条第3項・施行令第13条"
APPI_38 = f"{APPI}第38条"
APPI_39 = f"{APPI}第39条"
# The duties to answer 遅滞なく: the notice of a purpose (or that it is not given), the disclosure
# and the notices of non-disclosure or non-existence, and the notices of 訂正等 and 利用停止等.
APPI_NOTICES = f"{APPI}第32条第2項・第3項、第33条第2項・第3項、第34条第3項、第35条第7項"
# A disclosure request is none of the cases of 番号法第19条, so the number on the card's back may
# not be collected or kept for it.
MY_NUMBER_ACT_20 = "番号法第20条"
GUIDELINE_3_8_7 = "個人情報保護法ガイドライン（通則編）3-8-7"
