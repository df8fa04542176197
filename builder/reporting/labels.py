"""Every Vietnamese word of the yearly report, in one place: its header, its headings, the
sentence that opens each section, the assessment and the proposals.

A sentence names figures of its section by the last part of their key ({issued} is the value of
'documents.issued'), written by builder/reporting/values.py; {year}, {we} (how the agency calls
itself: 'Sở') and {today} are given too. Each section has a sentence for when it has nothing to
report ('none'), chosen when its first figure is zero, and may have one for a figure without a
value ('without <key>')."""
from __future__ import annotations

TITLE = "BÁO CÁO"
SUBJECT = ("Tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng "
           "theo TCVN ISO 9001:2015 năm {year}")
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER = "Số: {number}"
BLANK_NUMBER = "\u00a0" * 7           # left for the văn thư, who numbers outgoing documents
SYMBOL = "BC-{short}"
TO = "Kính gửi"
RECIPIENTS = "Nơi nhận"
ON_BEHALF = "KT. {position}"          # ký thay: a deputy signs for the head
DEFAULT_RECIPIENTS = ("Như trên", "Lưu: VT")
LEAD_UNIT = "Sở Khoa học và Công nghệ"
PAGE_TITLE = "Báo cáo năm {year}"
NAV = "Báo cáo năm"
NAV_YEAR = "Năm {year}"

# What the agency calls itself in its own report, from the start of its name; else 'cơ quan'.
SELF_NAMES = ("Ủy ban nhân dân", "Văn phòng", "Thanh tra", "Chi cục", "Trung tâm", "Ban", "Sở", "Cục")
SELF_DEFAULT = "cơ quan"

# The legal basis every report opens with when the configuration names none, and the wording of
# one the register does not hold.
DEFAULT_BASIS = ("19/2014/QĐ-TTg",)
BASIS_FALLBACK = {
    "19/2014/QĐ-TTg": "Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng "
                      "Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động "
                      "của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
}
UNKNOWN_BASIS = "Văn bản số {number}"
CITATION = "{type} số {number}{date}{issuer} {subject}"
OPENING = ("Thực hiện {basis}, {agency} báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống "
           "quản lý chất lượng theo TCVN ISO 9001:2015 năm {year} như sau:")
CLOSING = ("Trên đây là báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng "
           "theo TCVN ISO 9001:2015 năm {year} của {agency}./.")

PART_RESULTS = "I. KẾT QUẢ XÂY DỰNG, ÁP DỤNG, DUY TRÌ VÀ CẢI TIẾN HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG"
PART_ASSESSMENT = "II. ĐÁNH GIÁ CHUNG"
PART_PROPOSALS = "III. KIẾN NGHỊ, ĐỀ XUẤT"
ACHIEVED = "1. Kết quả đạt được"
SHORTCOMINGS = "2. Tồn tại, hạn chế"
FIGURE_COLUMNS = ("Nội dung", "Kết\u00a0quả", "Nguồn số liệu")   # "Kết quả" never split over two lines
NO_SOURCE = "—"

SENTENCES = {
    "documents": {
        "some": "Trong năm {year}, {we} ban hành mới {issued} tài liệu, sửa đổi, ban hành lại tài liệu {revised} lần "
                "và thu hồi {withdrawn} tài liệu hết hiệu lực; đến ngày {today}, hệ thống có {in_force} tài liệu "
                "đang áp dụng.",
    },
    "legal": {
        "some": "Trong năm {year}, {changes} văn bản pháp luật mới thay thế, sửa đổi văn bản được viện dẫn trong "
                "tài liệu của hệ thống có hiệu lực; {we} đã cập nhật đúng hạn {on_time} tài liệu, cập nhật trễ hạn "
                "{late} tài liệu; {due} tài liệu đang trong thời hạn cập nhật, {overdue} tài liệu quá hạn cập nhật.",
        "none": "Trong năm {year}, không có văn bản pháp luật được viện dẫn trong tài liệu của hệ thống bị thay thế, "
                "sửa đổi hoặc bãi bỏ.",
    },
    "objectives": {
        "some": "{we} ban hành {total} mục tiêu chất lượng năm {year}; đến thời điểm báo cáo, {met} mục tiêu đạt ở "
                "mọi kỳ đã đánh giá, {not_met} mục tiêu chưa đạt, {not_measured} mục tiêu chưa đánh giá.",
        "none": "Hệ thống chưa có mục tiêu chất lượng năm {year} được ban hành.",
    },
    "plan": {
        "some": "Kế hoạch duy trì, cải tiến hệ thống năm {year} có {tasks} công việc; đã hoàn thành {done} công việc, "
                "đạt tỷ lệ {completion}; {overdue} công việc quá hạn.",
        "none": "Hệ thống chưa có kế hoạch duy trì, cải tiến năm {year} được ban hành.",
    },
    "audit": {
        "some": "{we} đã tổ chức đánh giá nội bộ ({held} cuộc đánh giá có báo cáo ký đóng), ghi nhận {findings} "
                "phát hiện, gồm {nonconformities} điểm không phù hợp, {observations} khuyến nghị và "
                "{opportunities} cơ hội cải tiến.",
        "none": "Trong năm {year}, {we} chưa có báo cáo đánh giá nội bộ được ký đóng.",
    },
    "actions": {
        "some": "Trong năm {year}, phát sinh {opened} hành động khắc phục sự không phù hợp; {closed} hành động đã "
                "hoàn thành và được xác nhận hiệu lực, {open} hành động đang thực hiện trong hạn, {overdue} hành "
                "động quá hạn.",
        "none": "Trong năm {year}, không phát sinh hành động khắc phục sự không phù hợp.",
    },
    "surveys": {
        "some": "{we} tổ chức {held} cuộc khảo sát sự hài lòng của tổ chức, cá nhân, thu về {responses} phiếu; "
                "tỷ lệ hài lòng bình quân {average}, thấp nhất {lowest}; {below_target} cuộc khảo sát có nhóm "
                "dưới chỉ tiêu.",
        "none": "Trong năm {year}, {we} chưa tổ chức khảo sát sự hài lòng của tổ chức, cá nhân.",
    },
    "review": {
        "some": "Lãnh đạo {we} họp xem xét hệ thống quản lý chất lượng ({held} cuộc họp có biên bản ký đóng, "
                "gần nhất ngày {date}), thống nhất {decisions} quyết định, hành động giao các phòng, đơn vị "
                "thực hiện.",
        "none": "Trong năm {year}, chưa có biên bản họp xem xét của lãnh đạo được ký đóng.",
    },
    "training": {
        "some": "{we} tổ chức, cử công chức tham gia {courses} khóa đào tạo, tập huấn về hệ thống quản lý chất "
                "lượng với {attendees} lượt người tham dự.",
        "none": "Trong năm {year}, chưa có khóa đào tạo, tập huấn về hệ thống quản lý chất lượng.",
    },
    "inspections": {
        "some": "{we} nhận {letters} văn bản kết quả kiểm tra của cơ quan cấp trên với {recommendations} kiến "
                "nghị; {followed_up} kiến nghị đã có việc khắc phục, {completed} kiến nghị đã hoàn thành.",
        "none": "Trong năm {year}, {we} không có văn bản kiểm tra, kiến nghị của cơ quan cấp trên về hệ thống "
                "quản lý chất lượng.",
    },
    "scope": {
        "some": "Phạm vi áp dụng hệ thống gồm {units} phòng, đơn vị và {procedures} quy trình giải quyết thủ tục "
                "hành chính; lần công bố hệ thống phù hợp TCVN ISO 9001:2015 gần nhất ngày {announced}.",
        "without scope.announced": "Phạm vi áp dụng hệ thống gồm {units} phòng, đơn vị và {procedures} quy trình "
                                   "giải quyết thủ tục hành chính; {we} chưa công bố hệ thống phù hợp TCVN ISO "
                                   "9001:2015.",
    },
}

# II. Đánh giá chung: what went well (each part only when its figures are there) ...
ACHIEVED_INTRO = "Trong năm {year}, {we} duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"
ACHIEVED_PARTS = {
    "plan": "hoàn thành {done}/{tasks} công việc của kế hoạch năm (đạt {completion})",
    "duties": "đánh giá nội bộ và họp xem xét của lãnh đạo đúng chu kỳ 12 tháng",
    "objectives": "{met}/{total} mục tiêu chất lượng đạt",
    "surveys": "tỷ lệ hài lòng bình quân của tổ chức, cá nhân đạt {average}",
}
# ... and what did not, one line per kind of shortfall (with its sources).
SHORTFALLS = {
    "objectives": "{count} mục tiêu chất lượng chưa đạt: {items}.",
    "actions": "{count} hành động khắc phục quá hạn: {items}.",
    "plan": "{count} công việc của kế hoạch năm quá hạn ({items}).",
    "legal_overdue": "{count} tài liệu quá hạn cập nhật theo văn bản pháp luật mới: {items}.",
    "legal_late": "{count} tài liệu cập nhật trễ hạn theo văn bản pháp luật mới: {items}.",
    "inspections": "Mới hoàn thành {completed}/{recommendations} kiến nghị của đoàn kiểm tra ({items}).",
    "surveys": "{count} cuộc khảo sát có nhóm dịch vụ, thủ tục hành chính có tỷ lệ hài lòng dưới chỉ tiêu: {items}.",
    "audit_overdue": "Quá 12 tháng chưa đánh giá nội bộ.",
    "review_overdue": "Quá 12 tháng chưa họp xem xét của lãnh đạo.",
    "scope_changed": "Phạm vi áp dụng hệ thống đã thay đổi sau lần công bố gần nhất, chưa công bố lại.",
}
NO_SHORTFALL = "Không có tồn tại, hạn chế đáng kể."
ACTION_ITEM = "{id} ({title}, hạn {due})"

# III. Kiến nghị, đề xuất: finish what is overdue, then carry out the management review's decisions.
PROPOSALS_INTRO = "Trong thời gian tới, {we} tập trung thực hiện:"
FINISH_OVERDUE = "Hoàn thành các hành động khắc phục quá hạn: {items}."
FINISH_PLAN = "Hoàn thành các công việc quá hạn của kế hoạch năm ({items})."
UPDATE_DOCUMENTS = "Sửa đổi, ban hành lại các tài liệu quá hạn cập nhật theo văn bản pháp luật mới: {items}."
ANNOUNCE_SCOPE = "Công bố lại hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 theo phạm vi mới."
DECISIONS = "Thực hiện các quyết định của cuộc họp xem xét của lãnh đạo ({items}):"
DECISION_ITEM = "{decision} ({owner}, hạn {due})."
NO_PROPOSAL = "Tiếp tục duy trì, cải tiến hệ thống quản lý chất lượng theo kế hoạch năm {next_year}."

# The site page: the report's header and its files.
PAGE_INTRO = ("Báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng năm {year}, "
              "lập từ tài liệu, hồ sơ, kế hoạch và mục tiêu chất lượng trong hệ thống, tính đến ngày {today}. "
              "Mỗi số liệu dẫn tới hồ sơ, tài liệu làm nguồn; bản PDF và bản Word có cùng số liệu.")
PAGE_FILES = "Tải về"
PAGE_NO_FILES = ("Bản PDF và bản Word của báo cáo năm {year}: chạy lệnh `qms report --year {year}`.")
PDF = "Bản PDF (trình ký)"
DOCX = "Bản Word (để chỉnh sửa)"
