"""Every rule the checks know, with its Vietnamese wording: title, how to fix, message.

This is the one place where rule texts live. Each rule id is stable: document controllers and
CI configurations refer to it. `qms rules` and the site's rule page are generated from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from builder.findings.finding import Finding, Severity
from builder.findings.limits import (MAX_FILE_MB, MAX_FRONT_MATTER_KB,
                                     MAX_YAML_DEPTH, MAX_YAML_NODES)

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, eq=False)
class RuleText:
    """A rule's texts. Its id comes from the name it is bound to below (CODE_PATTERN gives
    'code-pattern'), so the id is written once; code refers to the rule by that name, and a
    misspelt name fails when the module is imported, never as a finding with a wrong id."""
    severity: Severity
    group: str
    title: str
    explanation: str
    template: str
    variants: dict[str, str] = field(default_factory=dict)  # other wordings of the message, by name
    stage: str = "check"  # 'check': a rule function of builder/rules; 'load' or 'print': reported there
    id: str = field(default="", compare=False)

    def text(self, variant: str | None = None, **values) -> str:
        """The message (or, with `variant`, that wording) filled from `values`; an empty or
        missing variant is the rule's own message."""
        return (self.variants[variant] if variant else self.template).format(**values)

    def finding(self, path: str, line: int, variant: str | None = None, **values) -> Finding:
        """A finding of this rule at `path`:`line`, its message filled from `values`."""
        return Finding(path=path, line=line, rule=self.id, severity=self.severity,
                       message=self.text(variant, **values))


# --- Đọc tệp -----------------------------------------------------------------------
FILE_ENCODING = RuleText(E, "Đọc tệp", "Tệp không phải UTF-8",
    "Mọi tệp tài liệu phải lưu bằng bảng mã UTF-8 (có hoặc không có BOM).",
    "Tệp không đọc được bằng bảng mã UTF-8 (có vẻ là {encoding}). Mở tệp bằng trình "
    "soạn thảo và lưu lại với bảng mã UTF-8.",
    stage="load")
FILE_EMPTY = RuleText(E, "Đọc tệp", "Tệp rỗng",
    "Tệp tài liệu phải có phần khai báo (front matter) và nội dung.",
    "Tệp rỗng. Điền phần khai báo giữa hai dòng '---' và nội dung tài liệu, hoặc xóa tệp.",
    stage="load")
FILE_TOO_LARGE = RuleText(E, "Đọc tệp", "Tệp tài liệu quá lớn",
    f"Một tệp tài liệu dài tối đa {MAX_FILE_MB} MB; hình ảnh và tệp đính kèm để riêng, liên kết từ tài liệu.",
    "Tệp dài {size} MB, quá giới hạn {limit} MB của một tài liệu. Tách thành nhiều tài liệu hoặc để hình "
    "ảnh, bảng số liệu thành tệp riêng.",
    stage="load")
FILE_BINARY = RuleText(E, "Đọc tệp", "Tệp nhị phân trong thư mục tài liệu",
    "Thư mục procedures/ và forms/ chỉ chứa tệp Markdown (.md) dạng văn bản.",
    "Đây không phải tệp văn bản (có thể là tệp Word hoặc ảnh đổi tên thành .md). "
    "Chuyển nội dung sang Markdown (xem lệnh 'qms import') hoặc xóa tệp này.",
    stage="load")
FILE_SYMLINK = RuleText(E, "Đọc tệp", "Liên kết tượng trưng trong thư mục tài liệu",
    "Nội dung tài liệu phải nằm trong kho git. Một liên kết tượng trưng (symlink) trỏ tới tệp ở nơi khác "
    "(có thể ngoài kho, hoặc không còn tồn tại) nên không được đọc.",
    "'{name}' là liên kết tượng trưng (trỏ tới {target}), không phải tệp thật: không đọc. Chép nội dung "
    "vào một tệp thật trong kho rồi xóa liên kết.",
    stage="load")
FILE_EXTENSION = RuleText(E, "Đọc tệp", "Tệp tài liệu sai đuôi",
    "Tài liệu là tệp .md (chữ thường) trong procedures/ hoặc forms/; tệp đuôi khác không được kiểm tra "
    "hay xuất bản.",
    "Tệp '{name}' có đuôi '{suffix}' nên không được kiểm tra hay xuất bản. Đổi tên thành '{fixed}'.",
    stage="load")
FILE_DIRECTORY = RuleText(W, "Đọc tệp", "Thư mục đặt tên như tài liệu",
    "Thư mục có tên đuôi .md không phải tài liệu và bị bỏ qua.",
    "'{name}' là thư mục, không phải tệp tài liệu: bỏ qua. Đổi tên thư mục (bỏ đuôi .md).",
    stage="load")
FRONT_MATTER_MISSING = RuleText(E, "Đọc tệp", "Thiếu phần khai báo đầu tệp",
    "Tệp phải bắt đầu bằng dòng '---', tiếp theo là các trường khai báo và một dòng '---' đóng.",
    "Tệp phải bắt đầu bằng dòng '---' mở phần khai báo (mã hiệu, tên, lần ban hành...).",
    variants={"unclosed": "Phần khai báo mở bằng '---' ở dòng 1 nhưng không có dòng '---' đóng lại.",
              "unreadable": "Không đọc được tệp: {reason}."},
    stage="load")
YAML_SYNTAX = RuleText(E, "Đọc tệp", "Lỗi cú pháp phần khai báo",
    "Phần khai báo viết theo cú pháp YAML: 'tên_trường: giá_trị', thụt lề bằng dấu cách.",
    "Phần khai báo sai cú pháp YAML ({detail}). Kiểm tra dấu hai chấm, thụt lề bằng dấu "
    "cách (không dùng Tab) và dấu ngoặc kép ở dòng này hoặc dòng ngay trên.",
    stage="load")
YAML_LIMIT = RuleText(E, "Đọc tệp", "Phần khai báo vượt giới hạn",
    f"Phần khai báo chỉ gồm các trường đơn giản: tối đa {MAX_YAML_DEPTH} cấp lồng nhau, "
    f"{MAX_YAML_NODES:_} giá trị, {MAX_FRONT_MATTER_KB} KB; không dùng neo và bí danh YAML (&tên, *tên), vì "
    "chúng có thể nhân một dòng thành hàng triệu giá trị.".replace("_", "."),
    "Phần khai báo dùng bí danh YAML (*tên) ở dòng này. Viết đầy đủ giá trị thay cho bí danh.",
    variants={"depth": "Phần khai báo lồng nhau quá {depth} cấp ở dòng này. Viết các trường phẳng hơn.",
              "nodes": "Phần khai báo có hơn {nodes} giá trị. Tài liệu kiểm soát không cần nhiều như vậy: "
                       "chuyển nội dung xuống phần thân.",
              "size": "Phần khai báo dài hơn {size} KB. Chuyển nội dung xuống phần thân tài liệu."},
    stage="load")
FRONT_MATTER_NOT_MAPPING = RuleText(E, "Đọc tệp", "Phần khai báo không phải danh sách trường",
    "Phần khai báo phải gồm các dòng 'tên_trường: giá_trị'.",
    "Phần khai báo phải gồm các dòng dạng 'tên_trường: giá_trị', không phải {found}.",
    stage="load")
DUPLICATE_KEY = RuleText(E, "Đọc tệp", "Trường khai báo hai lần",
    "Mỗi trường chỉ được khai báo một lần; khai báo lặp làm mất giá trị trước đó.",
    "Trường '{key}' đã khai báo ở dòng {first}. Xóa một trong hai dòng.",
    stage="load")

# --- Trường khai báo -----------------------------------------------------------------
UNKNOWN_KEY = RuleText(E, "Trường khai báo", "Trường không xác định",
    "Chỉ dùng các trường có trong trang 'Tra cứu trường khai báo'; lỗi chính tả tên "
    "trường sẽ làm thông tin bị bỏ qua.",
    "Trường '{key}' không được hỗ trợ{where}.{hint}",
    stage="load")
REQUIRED_FIELD = RuleText(E, "Trường khai báo", "Thiếu trường bắt buộc",
    "Mỗi loại tài liệu và mỗi tình trạng có các trường bắt buộc (xem trang tra cứu).",
    "Thiếu trường bắt buộc '{key}' ({label}){why}. Bổ sung trường này vào phần khai báo.",
    stage="load")
FIELD_TYPE = RuleText(E, "Trường khai báo", "Giá trị sai kiểu",
    "Mỗi trường có kiểu giá trị xác định: văn bản, số, ngày, danh sách hoặc nhóm trường.",
    "Trường '{key}' phải là {expected}, nhưng đang là {found}.",
    stage="load")
INVALID_VALUE = RuleText(E, "Trường khai báo", "Giá trị không thuộc danh sách cho phép",
    "Một số trường chỉ nhận các giá trị định sẵn (loại tài liệu, tình trạng...).",
    "Giá trị '{value}' của trường '{key}' không hợp lệ. Dùng một trong: {allowed}.",
    stage="load")
INVALID_DATE = RuleText(E, "Trường khai báo", "Ngày không hợp lệ",
    "Ngày viết dạng 2026-01-15 hoặc 15/01/2026 và phải là ngày có thật.",
    "'{value}' ở trường '{key}' không phải ngày hợp lệ. Viết dạng 2026-01-15 hoặc "
    "15/01/2026 và kiểm tra ngày có thật (ví dụ không có ngày 31/02).",
    stage="load")
REVISION_NUMBER = RuleText(E, "Trường khai báo", "Lần ban hành không hợp lệ",
    "Lần ban hành là số nguyên dương: 1, 2, 3...",
    "Lần ban hành '{value}' không hợp lệ: phải là số nguyên dương (1, 2, 3...).",
    stage="load")
PLACEHOLDER = RuleText(E, "Trường khai báo", "Còn nội dung cần điền",
    "Các chỗ đánh dấu 'CẦN ĐIỀN' (ví dụ do lệnh 'qms new' hoặc 'qms import' để lại) phải "
    "được thay bằng thông tin thật trước khi ban hành.",
    "Còn chỗ cần điền: {value}. Thay bằng thông tin thật.")

# --- Mã hiệu -------------------------------------------------------------------------
CODE_PATTERN = RuleText(E, "Mã hiệu", "Mã hiệu sai mẫu",
    "Mã hiệu theo mẫu của từng loại tài liệu trong site_config/organisation.yml (mục codes).",
    "Mã hiệu '{code}' không đúng mẫu '{pattern}' của loại {kind}. Sửa mã hiệu, ví dụ "
    "'{example}'.")
CODE_UNIQUE = RuleText(E, "Mã hiệu", "Mã hiệu trùng",
    "Mỗi mã hiệu chỉ dùng cho một tài liệu và không bao giờ dùng lại cho tài liệu khác.",
    "Mã hiệu '{code}' đã dùng cho tệp {other}. Đặt mã hiệu khác (lệnh 'qms new' cấp mã "
    "trống tiếp theo).")
PAGE_COLLISION = RuleText(E, "Mã hiệu", "Hai tài liệu cùng một trang",
    "Địa chỉ trang và tên tệp bản in lấy từ mã hiệu, bỏ dấu và chữ hoa (QT.01 → tai-lieu/qt-01/). Hai mã "
    "khác nhau chỉ ở chữ hoa, dấu hay ký tự trông giống nhau sẽ ghi đè trang của nhau.",
    "Mã hiệu '{code}' cho cùng địa chỉ trang {url} với '{other_code}' ở tệp {other}: một trong hai trang "
    "sẽ bị mất. Đổi một trong hai mã hiệu.")
KIND_FOLDER = RuleText(E, "Mã hiệu", "Tài liệu đặt sai thư mục",
    "Biểu mẫu nằm trong thư mục forms/, các tài liệu khác nằm trong procedures/.",
    "Tài liệu loại {kind} phải nằm trong thư mục {folder}/. Di chuyển tệp sang thư mục đó.")

# --- Theo dõi sửa đổi ----------------------------------------------------------------
CHANGE_TABLE_ROWS = RuleText(E, "Theo dõi sửa đổi", "Bảng theo dõi sửa đổi thiếu hoặc thừa dòng",
    "Bảng 'changes' có đúng một dòng cho mỗi lần ban hành từ 1 đến lần hiện tại, theo thứ tự.",
    "Bảng theo dõi sửa đổi (changes) {problems}. Mỗi lần ban hành từ 1 đến {revision} phải có đúng một "
    "dòng, theo thứ tự.",
    variants={"missing": "thiếu dòng cho lần ban hành {revisions}",
              "extra": "thừa hoặc lặp dòng lần ban hành {revisions}",
              "order": "các dòng chưa xếp theo thứ tự lần ban hành 1, 2, 3..."})
CHANGE_TABLE_CURRENT = RuleText(E, "Theo dõi sửa đổi", "Dòng cuối bảng sửa đổi không khớp",
    "Dòng cuối của bảng 'changes' phải là lần ban hành hiện tại, với ngày bằng ngày hiệu lực.",
    "Dòng cuối bảng sửa đổi là lần {last} nhưng tài liệu đang ở lần ban hành {revision}. Thêm dòng cho "
    "lần {revision} vào cuối bảng.",
    variants={"date": "Ngày của lần ban hành {revision} trong bảng sửa đổi ({row_date}) khác ngày hiệu lực "
                      "({effective}). Sửa cho hai ngày trùng nhau."})

# --- Ngày và ký duyệt ----------------------------------------------------------------
SIGNOFF_ORDER = RuleText(E, "Ký duyệt", "Thứ tự ngày ký không hợp lý",
    "Ngày soạn thảo ≤ ngày xem xét ≤ ngày phê duyệt ≤ ngày hiệu lực.",
    "Ngày {later_label} ({later}) sớm hơn ngày {earlier_label} ({earlier}). Sửa lại ngày "
    "cho đúng thứ tự soạn thảo → xem xét → phê duyệt → hiệu lực.")
SIGNOFF_PERSON = RuleText(E, "Ký duyệt", "Người ký không có trong danh sách nhân sự",
    "Người soạn thảo, xem xét, phê duyệt ghi bằng mã nhân sự trong site_config/organisation.yml.",
    "Không có nhân sự mã '{person}' trong site_config/organisation.yml.{hint}")
SIGNOFF_ROLE = RuleText(E, "Ký duyệt", "Người ký không có thẩm quyền",
    "Chức danh của người ký phải thuộc danh sách được phép (mục signoff_roles).",
    "{name} ({position}) không có quyền {action} tài liệu. Chức danh được phép: {allowed}.")
SIGNOFF_REQUIRED = RuleText(E, "Ký duyệt", "Thiếu ký duyệt bắt buộc",
    "Tài liệu ban hành có đủ các lần ký mà loại tài liệu của nó cần: mặc định soạn thảo, xem xét và phê "
    "duyệt; site_config/organisation.yml (required_signoffs) có thể quy định ít hơn cho một loại, ví dụ kế "
    "hoạch năm chỉ cần thủ trưởng phê duyệt.",
    "{label} bắt buộc với {kind} đã ban hành: thêm dòng '{key}: {{by: <mã nhân sự>, date: YYYY-MM-DD}}' "
    "(hoặc chạy 'qms approve {code} --role {role} --by <mã nhân sự>'), hoặc sửa required_signoffs trong "
    "site_config/organisation.yml nếu loại tài liệu này không cần lần ký đó.")
SIGNOFF_SELF_APPROVAL = RuleText(E, "Ký duyệt", "Người soạn thảo tự phê duyệt",
    "Người phê duyệt phải khác người soạn thảo.",
    "{name} vừa soạn thảo vừa phê duyệt tài liệu. Người phê duyệt phải là người khác.")

# --- Biểu mẫu và tham chiếu --------------------------------------------------------
FORM_MISSING = RuleText(E, "Biểu mẫu và tham chiếu", "Biểu mẫu không tồn tại",
    "Mọi biểu mẫu trong danh sách 'forms' của quy trình phải có tệp trong thư mục forms/.",
    "Biểu mẫu '{code}' được liệt kê nhưng {why}. Tạo biểu mẫu (qms new form ...) hoặc "
    "bỏ mã này khỏi danh sách 'forms'.")
FORM_PARENT_MISMATCH = RuleText(E, "Biểu mẫu và tham chiếu", "Biểu mẫu ghi quy trình khác",
    "Biểu mẫu phải ghi đúng quy trình đã liệt kê nó ở trường 'procedure'.",
    "Biểu mẫu '{code}' thuộc quy trình '{actual}', không phải '{expected}'. Sửa trường "
    "'procedure' của biểu mẫu hoặc danh sách 'forms' của quy trình.")
FORM_PARENT = RuleText(E, "Biểu mẫu và tham chiếu", "Biểu mẫu không có quy trình gốc",
    "Mỗi biểu mẫu thuộc một quy trình hoặc hướng dẫn có thật (trường 'procedure').",
    "Quy trình gốc '{parent}' của biểu mẫu không tồn tại. Sửa trường 'procedure' thành mã hiệu quy trình "
    "có thật.",
    variants={"kind": "'{parent}' là {kind}; biểu mẫu phải thuộc một quy trình hoặc hướng dẫn."})
FORM_UNLISTED = RuleText(E, "Biểu mẫu và tham chiếu", "Quy trình chưa liệt kê biểu mẫu",
    "Quy trình phải liệt kê mọi biểu mẫu thuộc nó trong trường 'forms'.",
    "Biểu mẫu '{code}' ghi thuộc '{parent}' nhưng '{parent}' không liệt kê nó. Thêm "
    "'{code}' vào trường 'forms' của '{parent}'.")
FORM_ATTACHMENT_MISSING = RuleText(E, "Biểu mẫu và tham chiếu", "Không có tệp biểu mẫu gốc",
    "Tệp ghi ở trường 'attachment' của biểu mẫu (tệp Word gốc để tải về) phải có trong kho, "
    "tính từ thư mục của tệp biểu mẫu.",
    "Không tìm thấy tệp biểu mẫu gốc '{value}' (tìm tại {where}). Đặt lại tệp Word vào đúng "
    "chỗ, sửa đường dẫn, hoặc xóa trường 'attachment'.")
REFERENCE_UNRESOLVED = RuleText(E, "Biểu mẫu và tham chiếu", "Tham chiếu tới tài liệu không tồn tại",
    "Các mã hiệu trong trường 'references' phải là tài liệu có thật trong hệ thống.",
    "Không có tài liệu mã hiệu '{code}'. Sửa mã hiệu hoặc bỏ tham chiếu.")
CODE_IN_TEXT = RuleText(W, "Biểu mẫu và tham chiếu", "Nội dung nhắc tới mã hiệu không tồn tại",
    "Mã hiệu nhắc tới trong nội dung nên là tài liệu có thật.",
    "Nội dung nhắc tới '{code}' nhưng không có tài liệu nào mang mã hiệu này.")

# --- Đơn vị ----------------------------------------------------------------------------
UNIT_UNKNOWN = RuleText(E, "Đơn vị", "Đơn vị không tồn tại",
    "Đơn vị ghi bằng mã đơn vị trong site_config/organisation.yml (mục units).",
    "Không có đơn vị mã '{unit}' trong site_config/organisation.yml.{hint}")
UNIT_DISSOLVED = RuleText(E, "Đơn vị", "Đơn vị đã giải thể hoặc sáp nhập",
    "Tài liệu đang áp dụng không được thuộc đơn vị đã giải thể; chuyển cho đơn vị kế thừa.",
    "Đơn vị '{unit}' ({name}) đã giải thể từ {date}. Chuyển tài liệu cho đơn vị kế thừa "
    "'{successor}' ({successor_name}) hoặc thu hồi tài liệu.")

# --- Xem xét định kỳ -----------------------------------------------------------------
REVIEW_OVERDUE = RuleText(W, "Xem xét định kỳ", "Quá hạn xem xét định kỳ",
    "Tài liệu đang áp dụng phải được xem xét lại sau mỗi chu kỳ (review_months).",
    "Tài liệu đến hạn xem xét định kỳ từ {due} (hiệu lực {effective}, chu kỳ {months} "
    "tháng). Xem xét lại và ban hành lần mới hoặc ghi nhận kết quả xem xét.")

# --- Căn cứ pháp lý ------------------------------------------------------------------
LEGAL_NUMBER_FORMAT = RuleText(E, "Căn cứ pháp lý", "Số ký hiệu văn bản sai định dạng",
    "Số ký hiệu theo Nghị định 30/2020: số/năm/LOẠI-CƠQUAN (19/2014/QĐ-TTg), "
    "số/năm/QH<khóa> (64/2025/QH15) hoặc số/LOẠI-CƠQUAN (646/KH-UBND).",
    "'{value}' không phải số ký hiệu văn bản hợp lệ: {why}.")
LEGAL_TYPE_UNKNOWN = RuleText(E, "Căn cứ pháp lý", "Viết tắt loại văn bản không có trong Nghị định 30",
    "Viết tắt loại văn bản phải theo Phụ lục III Nghị định 30/2020 (QĐ, NĐ, TT, KH...); "
    "công văn không có viết tắt loại.",
    "'{abbr}' trong '{value}' không phải viết tắt loại văn bản hợp lệ.{hint}")
LEGAL_NOT_REGISTERED = RuleText(E, "Căn cứ pháp lý", "Căn cứ pháp lý chưa có trong sổ theo dõi",
    "Mọi văn bản trong 'legal_basis' phải có trong site_config/legal_register.yml.",
    "Văn bản '{value}' chưa có trong sổ văn bản pháp luật. Thêm văn bản vào "
    "site_config/legal_register.yml hoặc sửa số ký hiệu.")
LEGAL_TEXT_NOT_REGISTERED = RuleText(W, "Căn cứ pháp lý", "Văn bản nhắc tới trong nội dung chưa có trong sổ",
    "Văn bản pháp luật nhắc tới trong nội dung nên có trong sổ theo dõi để được cảnh báo khi thay đổi.",
    "Nội dung viện dẫn '{value}' nhưng văn bản này chưa có trong site_config/legal_register.yml.")
LEGAL_REPEALED = RuleText(E, "Căn cứ pháp lý", "Viện dẫn văn bản đã hết hiệu lực",
    "Tài liệu đang áp dụng không được viện dẫn văn bản 'Hết hiệu lực toàn bộ'.",
    "Tài liệu viện dẫn '{value}' đã hết hiệu lực toàn bộ.{replacement} Cập nhật căn cứ và "
    "ban hành lần mới.")

# --- Lịch sử ban hành (git) ------------------------------------------------------------
CONTENT_CHANGED_WITHOUT_REVISION = RuleText(E, "Lịch sử ban hành", "Sửa nội dung mà không ban hành lần mới",
    "Mọi thay đổi nội dung của tài liệu đang áp dụng phải thành một lần ban hành mới: tăng "
    "revision thêm 1, thêm dòng vào bảng changes, ngày hiệu lực mới và phê duyệt lại.",
    "Nội dung đã thay đổi so với lần ban hành {revision} đang áp dụng (bản ở {base}) nhưng "
    "lần ban hành không tăng. Tăng revision lên {next}, thêm dòng {next} vào bảng changes, "
    "ghi ngày hiệu lực mới và phê duyệt lại bằng 'qms approve {code} --by ...'.")
ATTACHMENT_CHANGED_WITHOUT_REVISION = RuleText(E, "Lịch sử ban hành",
    "Sửa tệp Word gốc của biểu mẫu mà không ban hành lần mới",
    "Tệp Word gốc ghi ở trường 'attachment' là bản cán bộ tải về để dùng, nên thuộc nội dung "
    "được kiểm soát của biểu mẫu: thay tệp này phải thành một lần ban hành mới.",
    "Tệp {file} đã thay đổi so với lần ban hành {revision} đang áp dụng (bản ở {base}) nhưng "
    "lần ban hành không tăng. Tăng revision lên {next}, thêm dòng {next} vào bảng changes, ghi "
    "ngày hiệu lực mới và phê duyệt lại bằng 'qms approve {code} --by ...'; nếu thay nhầm, "
    "lấy lại tệp cũ bằng 'git checkout {base} -- {file}'.")
CACHE_COMMITTED = RuleText(E, "Cấu hình", "Bộ đệm của máy dựng bị đưa vào kho",
    "Thư mục .qms-cache giữ kết quả phân tích và bản PDF đã tạo của máy dựng; nó không thuộc "
    "kho tài liệu. Một bộ đệm nằm trong git có thể mang bản PDF không được tạo từ tài liệu, "
    "nên chương trình không dùng nó và không xuất bản cho tới khi gỡ ra khỏi kho.",
    "Git đang theo dõi {count} tệp trong {folder}/ (ví dụ {example}). Xóa bộ đệm khỏi kho và "
    "khỏi máy bằng 'git rm -r -q {folder}' (lần dựng sau tự tạo lại), kiểm tra .gitignore có "
    "dòng '{folder}/', rồi commit.")
REVISION_SEQUENCE = RuleText(E, "Lịch sử ban hành", "Lần ban hành giảm hoặc nhảy cóc",
    "Lần ban hành chỉ tăng từng bước một: 1, 2, 3...",
    "Lần ban hành {revision} không hợp lệ: bản trước (ở {base}) là lần {previous}, lần mới phải "
    "là {next}.")
CHANGE_ROW_REWRITTEN = RuleText(E, "Lịch sử ban hành", "Sửa dòng cũ của bảng theo dõi sửa đổi",
    "Các dòng của bảng 'changes' cho những lần ban hành đã có hiệu lực là lịch sử: không được sửa hay xóa.",
    "Dòng lần ban hành {revision} của bảng theo dõi sửa đổi khác với bản ở {base} (trước đây: '{was}'). Khôi "
    "phục dòng này như cũ; thay đổi mới ghi ở dòng của lần ban hành mới.",
    variants={"removed": "Bảng theo dõi sửa đổi thiếu dòng lần ban hành {revision} đã có ở {base}. Khôi phục "
                         "dòng này: lịch sử ban hành không được xóa."})
SIGNOFF_BEFORE_PREVIOUS = RuleText(E, "Lịch sử ban hành", "Ngày ký lần mới trước lần phê duyệt trước",
    "Lần ban hành mới được soạn thảo, xem xét và phê duyệt sau khi lần trước đã được phê duyệt.",
    "Ngày ký '{role}' ({date}) không sau ngày phê duyệt lần ban hành {revision} ({previous}): có lẽ chép từ "
    "lần trước. Ghi ngày ký thật của lần ban hành này.")
STATUS_BACK_TO_DRAFT = RuleText(E, "Lịch sử ban hành", "Tài liệu có hiệu lực bị chuyển về dự thảo",
    "Một lần ban hành đã có hiệu lực không quay lại thành dự thảo: bản sửa đổi là một lần ban hành "
    "mới (revision tăng 1), lần đang có hiệu lực vẫn áp dụng đến khi lần mới được phê duyệt.",
    "Lần ban hành {revision} của {code} đang có hiệu lực ở {base} nhưng ở đây là dự thảo (status: "
    "draft). Giữ status: effective, hoặc soạn lần ban hành {next} (revision: {next}, thêm dòng vào "
    "changes).")
REVISION_EFFECTIVE_DATE = RuleText(E, "Lịch sử ban hành", "Ngày hiệu lực lần mới không sau lần trước",
    "Ngày hiệu lực của lần ban hành mới phải sau ngày hiệu lực của lần trước.",
    "Ngày hiệu lực lần {revision} ({effective}) phải sau ngày hiệu lực lần {previous} ({previous_date}).")
REVISION_APPROVAL = RuleText(E, "Lịch sử ban hành", "Lần ban hành mới chưa được phê duyệt lại",
    "Lần ban hành mới phải có phê duyệt mới, ghi bằng lệnh 'qms approve'.",
    "Lần ban hành {revision} chưa được phê duyệt lại ({why}). Chạy 'qms approve {code} --by "
    "<mã người phê duyệt>' sau khi hoàn tất nội dung.")
APPROVAL_FINGERPRINT = RuleText(E, "Lịch sử ban hành", "Nội dung đã thay đổi sau khi phê duyệt",
    "Phê duyệt ghi dấu vân tay của nội dung; sửa nội dung sau đó phải được phê duyệt lại.",
    "Nội dung đã thay đổi sau khi phê duyệt (dấu vân tay {recorded} khác {actual}). Phê "
    "duyệt lại bằng 'qms approve {code} --by ...' hoặc hoàn tác thay đổi.")
REVIEW_FINGERPRINT = RuleText(W, "Lịch sử ban hành", "Nội dung đã thay đổi sau khi xem xét",
    "Xem xét ghi dấu vân tay của nội dung; sửa nội dung sau đó nên được xem xét lại.",
    "Nội dung đã thay đổi sau khi xem xét (dấu vân tay {recorded} khác {actual}). Xem xét lại "
    "bằng 'qms approve {code} --review --by ...'.")
APPROVAL_UNSIGNED = RuleText(W, "Lịch sử ban hành", "Phê duyệt chưa có dấu vân tay nội dung",
    "Phê duyệt ghi bằng lệnh 'qms approve' kèm dấu vân tay, để mọi sửa đổi sau đó bị phát hiện.",
    "Phê duyệt của tài liệu đang áp dụng chưa có dấu vân tay nội dung. Chạy 'qms approve {code} "
    "--by {by} --date {date}' để ghi nhận.")
WITHDRAWN_CODE_REUSED = RuleText(E, "Lịch sử ban hành", "Dùng lại mã hiệu đã thu hồi",
    "Mã hiệu của tài liệu đã thu hồi không bao giờ được dùng lại.",
    "Mã hiệu '{code}' đã thu hồi từ {date} (commit {commit}, tệp {old_path}). Đặt mã hiệu mới cho "
    "tài liệu này (lệnh 'qms new').")
DOCUMENT_DELETED = RuleText(E, "Lịch sử ban hành", "Xóa tài liệu đang áp dụng",
    "Không xóa tệp của tài liệu đang áp dụng; thu hồi bằng 'status: withdrawn' để giữ lịch sử.",
    "Tài liệu {code} ({title}) đang áp dụng ở {base} đã bị xóa. Khôi phục tệp và ghi "
    "'status: withdrawn' cùng ngày thu hồi 'withdrawn' thay vì xóa.")
HISTORY_SHALLOW = RuleText(W, "Lịch sử ban hành", "Bản sao git thiếu lịch sử",
    "Kiểm tra lịch sử cần toàn bộ lịch sử git (git clone không có --depth; trong CI dùng "
    "fetch-depth: 0).",
    "Kho git là bản sao nông (shallow): lịch sử ban hành chỉ gồm các commit hiện có. Chạy "
    "'git fetch --unshallow' để kiểm tra đầy đủ.")
LEGAL_UPDATE_OVERDUE = RuleText(E, "Căn cứ pháp lý", "Quá hạn cập nhật theo văn bản pháp luật mới",
    "Khoản 4 Điều 4 Quyết định 19/2014/QĐ-TTg: cập nhật tài liệu trong 3 tháng kể từ khi văn bản "
    "pháp luật liên quan (mới, sửa đổi, thay thế) có hiệu lực.",
    "Quá hạn cập nhật: {change} (hiệu lực {date}); tài liệu phải ban hành lần mới trước {due} "
    "nhưng vẫn là lần ban hành {revision} (hiệu lực {effective}). Rà soát nội dung, ban hành lần mới.")
LEGAL_UPDATE_DUE = RuleText(W, "Căn cứ pháp lý", "Cần cập nhật theo văn bản pháp luật mới",
    "Tài liệu viện dẫn văn bản vừa bị thay thế, sửa đổi hoặc bãi bỏ phải được ban hành lần mới "
    "trong thời hạn quy định.",
    "{change} (hiệu lực {date}): còn {days} ngày (đến {due}) để ban hành lần mới của tài liệu.")
INTERNAL_AUDIT_OVERDUE = RuleText(W, "Nhiệm vụ hằng năm", "Quá 12 tháng chưa đánh giá nội bộ",
    "Đánh giá nội bộ ít nhất mỗi năm một lần (Quyết định 19/2014/QĐ-TTg). Bằng chứng là hồ sơ đánh giá "
    "nội bộ (kind: audit) đã ký đóng trong thư mục records/.",
    "Lần {label} gần nhất ngày {last} ({source}); đã quá hạn {due}.",
    variants={"never": "Chưa có hồ sơ {label} nào đã ký đóng trong records/: lập hồ sơ bằng 'qms record new "
                       "{kind}', ghi kết quả rồi ký đóng bằng 'qms record close'."})
MANAGEMENT_REVIEW_OVERDUE = RuleText(W, "Nhiệm vụ hằng năm", "Quá 12 tháng chưa xem xét của lãnh đạo",
    "Xem xét của lãnh đạo ít nhất mỗi năm một lần. Bằng chứng là biên bản họp xem xét của lãnh đạo "
    "(kind: review) đã ký đóng trong thư mục records/.",
    "Lần {label} gần nhất ngày {last} ({source}); đã quá hạn {due}.",
    variants={"never": "Chưa có hồ sơ {label} nào đã ký đóng trong records/: lập hồ sơ bằng 'qms record new "
                       "{kind}', ghi kết quả rồi ký đóng bằng 'qms record close'."})
DUTY_PLAN_DISAGREES = RuleText(W, "Nhiệm vụ hằng năm", "Kế hoạch năm và hồ sơ không khớp",
    "Công việc đánh giá nội bộ, xem xét của lãnh đạo trong kế hoạch năm được đối chiếu với hồ sơ: "
    "ghi hoàn thành thì phải có hồ sơ đã ký đóng trong năm đó, và ngược lại.",
    "Kế hoạch {plan} ghi '{task}' đã hoàn thành nhưng chưa có hồ sơ {label} năm {year} nào đã ký đóng. "
    "Lập và ký đóng hồ sơ, hoặc sửa tình trạng công việc.",
    variants={"not-done": "Đã có hồ sơ {label} {record} (ngày {date}) nhưng kế hoạch {plan} chưa ghi công việc "
                          "'{task}' hoàn thành. Cập nhật status: done và completed: {iso} trong kế hoạch."})
SCOPE_CHANGED = RuleText(W, "Nhiệm vụ hằng năm", "Phạm vi hệ thống thay đổi, cần công bố lại",
    "Khi mở rộng hoặc thu hẹp phạm vi (đơn vị, thủ tục hành chính), cơ quan phải công bố lại Hệ "
    "thống quản lý chất lượng phù hợp TCVN ISO 9001:2015.",
    "Phạm vi đã thay đổi so với lần công bố ngày {date}: {changes}. Công bố lại hệ thống và ghi "
    "lần công bố mới (type: announcement) vào site_config/activities.yml.",
    variants={"added_units": "thêm đơn vị {items}", "removed_units": "bớt đơn vị {items}",
              "added_procedures": "thêm quy trình TTHC {items}",
              "removed_procedures": "bớt quy trình TTHC {items}"})

# --- Hồ sơ ---------------------------------------------------------------------------
RECORD_ID = RuleText(E, "Hồ sơ", "Số hồ sơ sai mẫu hoặc trùng",
    "Mỗi hồ sơ có một số duy nhất theo mẫu của loại hồ sơ trong site_config/records.yml (ví dụ DGNB-2026-01), "
    "năm trong số là năm lập hồ sơ. Lệnh 'qms record new' cấp số tiếp theo.",
    "Số hồ sơ '{id}' không theo mẫu '{template}' của loại hồ sơ {kind}. Sửa lại, ví dụ {example}.",
    variants={"twice": "Số hồ sơ '{id}' đã dùng cho {other}. Mỗi hồ sơ một số: dùng 'qms record new' để lấy số mới.",
              "year": "Số hồ sơ '{id}' mang năm khác năm lập hồ sơ ({year}). Sửa số hoặc ngày lập."})
RECORD_FOLDER = RuleText(E, "Hồ sơ", "Hồ sơ đặt sai thư mục năm",
    "Hồ sơ nằm trong records/<năm lập>/, để mỗi năm một thư mục và thời hạn lưu tính được theo năm.",
    "Hồ sơ lập ngày {date} phải nằm trong thư mục records/{year}/. Chuyển tệp vào thư mục đó.")
RECORD_DATE = RuleText(E, "Hồ sơ", "Ngày của hồ sơ chưa xảy ra",
    "Hồ sơ chỉ ghi việc đã xảy ra: ngày lập, ngày ký đóng, ngày xác nhận không được sau hôm nay; ký đóng "
    "không trước ngày lập.",
    "Trường '{key}' ghi ngày {date}, sau hôm nay ({today}): hồ sơ chỉ ghi việc đã xảy ra. Sửa ngày.",
    variants={"before": "Ngày ký đóng {date} trước ngày lập hồ sơ {made}. Sửa ngày ký đóng.",
              "order": "Trường '{key}': ngày bắt đầu {start} sau ngày kết thúc {end}. Sửa lại khoảng thời gian."})
RECORD_UNIT = RuleText(E, "Hồ sơ", "Hồ sơ ghi đơn vị không có",
    "Đơn vị trong hồ sơ là mã đơn vị trong site_config/organisation.yml.",
    "Trường '{key}': đơn vị '{value}' không có trong site_config/organisation.yml.{hint}")
RECORD_PERSON = RuleText(E, "Hồ sơ", "Hồ sơ ghi người không có",
    "Người trong hồ sơ (người ký, chuyên gia đánh giá, người chủ trì, người tham dự) là mã nhân sự trong "
    "site_config/organisation.yml.",
    "Trường '{key}': nhân sự '{value}' không có trong site_config/organisation.yml.{hint}")
RECORD_DOCUMENT = RuleText(E, "Hồ sơ", "Hồ sơ ghi tài liệu không có hoặc sai loại",
    "Biểu mẫu, quy trình và tài liệu mà hồ sơ viện dẫn phải có trong hệ thống; biểu mẫu phải thuộc quy trình "
    "ghi trong hồ sơ.",
    "Trường '{key}': không có tài liệu mã hiệu '{value}'.{hint}",
    variants={"not-form": "Trường '{key}': '{value}' là {kind}, không phải biểu mẫu.",
              "not-procedure": "Trường '{key}': '{value}' là {kind}, không phải quy trình hoặc hướng dẫn.",
              "other-procedure": "Biểu mẫu {form} thuộc quy trình {parent}, không phải {value}. Sửa trường "
                                 "'procedure' thành {parent} hoặc chọn đúng biểu mẫu."})
RECORD_LINK = RuleText(E, "Hồ sơ", "Hồ sơ viện dẫn hồ sơ không có",
    "Số hồ sơ được viện dẫn (nguồn phát sinh, bằng chứng, hồ sơ liên quan) phải có trong records/.",
    "Trường '{key}': không có hồ sơ hay tài liệu '{value}'.{hint}",
    variants={"item": "Trường '{key}': hồ sơ {record} không có mục số '{value}'."})
RECORD_FORM_ISSUE = RuleText(E, "Hồ sơ", "Biểu mẫu không có hiệu lực vào ngày lập hồ sơ",
    "Hồ sơ được lập trên lần ban hành của biểu mẫu đang có hiệu lực vào ngày lập (theo lịch sử git của "
    "biểu mẫu).",
    "Biểu mẫu {code} lần ban hành {revision} không có hiệu lực ngày {date}; ngày đó lần ban hành có hiệu lực "
    "là {in_force}. Lập lại hồ sơ trên biểu mẫu đúng lần ban hành.",
    variants={"none": "Biểu mẫu {code} chưa có lần ban hành nào có hiệu lực ngày {date}. Lập hồ sơ trên biểu "
                      "mẫu đã ban hành."})
RECORD_CLOSER = RuleText(E, "Hồ sơ", "Người ký đóng hồ sơ không có thẩm quyền",
    "Hồ sơ do người giữ chức danh được giao trong site_config/records.yml (mục closing) ký đóng.",
    "{name} ({position}) không có quyền ký đóng hồ sơ {kind}; chức danh được ký: {allowed}.")
RECORD_CLOSED_CHANGED = RuleText(E, "Hồ sơ", "Hồ sơ đã ký đóng bị sửa",
    "Hồ sơ đã ký đóng không được sửa: dấu vân tay ghi khi ký đóng phải khớp nội dung hiện tại.",
    "Nội dung hồ sơ {id} đã đổi sau khi ký đóng ngày {date}. Hoàn tác thay đổi (git checkout -- {file}); "
    "nếu cần bổ sung, lập hồ sơ mới viện dẫn hồ sơ này.",
    variants={"unsigned": "Hồ sơ {id} ghi đã đóng nhưng thiếu dấu vân tay nội dung: ký đóng bằng 'qms record "
                          "close {id} --by <mã nhân sự>', không ghi tay."})
RECORD_CLOSED_REWRITTEN = RuleText(E, "Hồ sơ", "Hồ sơ đã ký đóng bị sửa hoặc xóa so với git",
    "Một hồ sơ đã ký đóng trong git không được sửa, mở lại hay xóa, kể cả khi ký đóng lại.",
    "Hồ sơ {id} đã ký đóng ở {base} nhưng đã bị {what}. Hoàn tác bằng 'git checkout {base} -- {file}'; "
    "nội dung bổ sung ghi vào một hồ sơ mới.")
AUDIT_CLAUSE = RuleText(E, "Hồ sơ", "Phát hiện đánh giá ghi sai điều khoản",
    "Mỗi phát hiện đánh giá nội bộ gắn với một điều khoản của TCVN ISO 9001:2015 (từ 4 đến 10.3).",
    "Phát hiện {item}: '{value}' không phải điều khoản của TCVN ISO 9001:2015. Ghi số điều khoản, ví dụ 7.5.3.")
AUDITOR_OWN_UNIT = RuleText(E, "Hồ sơ", "Chuyên gia đánh giá đơn vị của mình",
    "Chuyên gia đánh giá nội bộ không đánh giá công việc của chính mình (TCVN ISO 9001:2015, 9.2.2).",
    "{name} thuộc {unit} nhưng được phân công đánh giá {unit}. Phân công chuyên gia của đơn vị khác.")
AUDIT_NONCONFORMITY_NO_ACTION = RuleText(W, "Hồ sơ", "Điểm không phù hợp chưa có hành động khắc phục",
    "Mỗi điểm không phù hợp phát hiện khi đánh giá phải có hồ sơ hành động khắc phục (TCVN ISO 9001:2015, 10.2).",
    "Phát hiện {item} ({unit}, điều {clause}) là điểm không phù hợp nhưng chưa có hồ sơ hành động khắc phục. "
    "Lập bằng 'qms record new corrective_action --source {id}:{item}' (ghi source: {{type: audit, record: {id}, "
    "item: {item}}}).")
ACTION_OVERDUE = RuleText(W, "Hồ sơ", "Hành động khắc phục quá hạn",
    "Hành động khắc phục phải hoàn thành và được xác nhận hiệu lực trước hạn đã giao.",
    "Hành động khắc phục {id} ({unit}) quá hạn từ {due}. Hoàn thành, xác nhận hiệu lực và ký đóng, hoặc ghi "
    "hạn mới đã được phê duyệt.")
ACTION_UNVERIFIED = RuleText(E, "Hồ sơ", "Đóng hành động khắc phục chưa xác nhận hiệu lực",
    "Chỉ đóng hành động khắc phục khi đã xác nhận hiệu lực (ai, ngày nào, kết quả có hiệu lực).",
    "Hành động khắc phục {id} đã đóng nhưng chưa có xác nhận hiệu lực (verification: by, date, result).",
    variants={"not-effective": "Hành động khắc phục {id} đã đóng dù kết quả xác nhận là chưa có hiệu lực. Lập "
                               "hành động khắc phục mới hoặc xác nhận lại."})
REVIEW_INPUT_MISSING = RuleText(E, "Hồ sơ", "Xem xét của lãnh đạo thiếu đầu vào",
    "Biên bản xem xét của lãnh đạo phải xem xét mọi đầu vào của TCVN ISO 9001:2015, mục 9.3.2.",
    "Biên bản {id} thiếu đầu vào: {missing}. Bổ sung vào mục inputs (input, summary, evidence).")
REVIEW_BEFORE_AUDIT = RuleText(W, "Hồ sơ", "Xem xét của lãnh đạo trước đánh giá nội bộ",
    "Xem xét của lãnh đạo dùng kết quả đánh giá nội bộ của năm, nên được tổ chức sau khi đánh giá nội bộ.",
    "Họp xem xét {id} ngày {date}, trước đánh giá nội bộ {audit} năm {year} (ngày {audit_date}). Tổ chức xem "
    "xét sau khi có kết quả đánh giá.",
    variants={"none": "Họp xem xét {id} ngày {date} nhưng chưa có hồ sơ đánh giá nội bộ nào năm {year} trước "
                      "ngày đó. Tổ chức đánh giá nội bộ trước khi xem xét."})
RISK_NO_TREATMENT = RuleText(W, "Hồ sơ", "Rủi ro chưa có biện pháp xử lý",
    "Mỗi rủi ro, cơ hội trong sổ đăng ký có biện pháp xử lý, người chịu trách nhiệm và hạn.",
    "{id}: chưa ghi {missing}. Bổ sung biện pháp xử lý (treatment), người chịu trách nhiệm (owner), hạn (due).")
RISK_NOT_EVALUATED = RuleText(W, "Hồ sơ", "Rủi ro chưa đánh giá hiệu quả xử lý cuối năm",
    "Cuối năm đánh giá hiệu quả của biện pháp xử lý từng rủi ro, cơ hội (ngày trong site_config/records.yml).",
    "{id}: đã qua ngày {due} mà chưa đánh giá hiệu quả xử lý (evaluation: by, date, result).")
RISK_SCALE = RuleText(E, "Hồ sơ", "Mức rủi ro ngoài thang",
    "Khả năng xảy ra và mức độ ảnh hưởng theo thang trong site_config/records.yml.",
    "Trường '{key}' = {value}, ngoài thang 1–{top} ({labels}).")
SURVEY_BELOW_TARGET = RuleText(W, "Hồ sơ", "Kết quả khảo sát dưới chỉ tiêu mà chưa có hành động",
    "Khi tỷ lệ hài lòng dưới chỉ tiêu của mục tiêu chất lượng tương ứng, phải có hành động khắc phục.",
    "Khảo sát {id}: nhóm '{group}' đạt {rate} %, dưới chỉ tiêu {op} {target} % của {objective}, chưa có hồ sơ hành "
    "động khắc phục nào có source: {{type: survey, record: {id}}}.")
SURVEY_RATE = RuleText(E, "Hồ sơ", "Tỷ lệ hài lòng ngoài 0–100 %",
    "Tỷ lệ hài lòng của mỗi nhóm câu hỏi là phần trăm, từ 0 đến 100.",
    "Nhóm '{group}': tỷ lệ {rate} % không thể có. Ghi tỷ lệ phần trăm từ 0 đến 100.")
SURVEY_PERSONAL_DATA = RuleText(E, "Hồ sơ", "Hồ sơ khảo sát chứa thông tin cá nhân",
    "Kết quả khảo sát chỉ công bố số liệu tổng hợp, không ghi thông tin cá nhân của người trả lời (số điện "
    "thoại, thư điện tử, số định danh).",
    "Dòng này có vẻ chứa {what} của người trả lời: '{value}'. Xóa thông tin cá nhân, chỉ giữ ý kiến tổng hợp.")
INSPECTION_LETTER = RuleText(E, "Hồ sơ", "Số ký hiệu văn bản kiểm tra không hợp lệ",
    "Số ký hiệu văn bản của cơ quan kiểm tra viết theo Nghị định 30/2020/NĐ-CP, ví dụ 104/SKHCN-TĐC.",
    "Văn bản kiểm tra: {problem}")
INSPECTION_NO_FOLLOW_UP = RuleText(W, "Hồ sơ", "Kiến nghị của đoàn kiểm tra chưa được khắc phục",
    "Mỗi kiến nghị trong văn bản kiểm tra phải có việc khắc phục (follow_up) hoặc hồ sơ hành động khắc phục.",
    "Kiến nghị {item} của văn bản {letter} chưa ghi việc khắc phục (follow_up) hay hồ sơ khắc phục (record).")
RECORD_RETENTION = RuleText(W, "Hồ sơ", "Hồ sơ đã hết thời hạn lưu",
    "Thời hạn lưu theo bảng 'Hồ sơ cần lưu' của quy trình; hết hạn thì xem xét hủy theo quy trình.",
    "Hồ sơ {id} hết thời hạn lưu ({retention} theo {procedure}) từ {end}. Xem xét hủy theo quy trình, hoặc gia "
    "hạn lưu trong bảng hồ sơ cần lưu.")
ACKNOWLEDGEMENT_INCOMPLETE = RuleText(W, "Hồ sơ", "Đơn vị chưa xác nhận đã đọc tài liệu mới",
    "Khi ban hành lần mới, các đơn vị áp dụng xác nhận đã tiếp nhận và đọc tài liệu (hồ sơ tiếp nhận tài liệu) "
    "trong số ngày đặt ở site_config/records.yml. Áp dụng khi cơ quan đã lưu hồ sơ tiếp nhận tài liệu trong "
    "records/ (có ít nhất một hồ sơ loại acknowledgement).",
    "{id}: {issues} có hiệu lực từ {date}, đã quá {days} ngày mà còn thiếu xác nhận đã đọc của: {missing}. Ghi "
    "xác nhận vào mục confirmations khi đơn vị tiếp nhận.",
    variants={"none": "{code} lần ban hành {revision} có hiệu lực {date}, đã quá {days} ngày mà chưa có hồ sơ tiếp "
                      "nhận tài liệu. Lập bằng 'qms record new acknowledgement'."})

# --- ISO 18091 (tự đánh giá theo TCVN ISO 18091:2020) ---------------------------------------
ISO18091_CONFIG = RuleText(E, "ISO 18091", "Bộ chỉ số TCVN ISO 18091 không hợp lệ",
    "site_config/iso18091.yml khai báo bộ chỉ số đánh giá quản lý chất lượng tổng thể theo TCVN ISO 18091:2020: "
    "các nhóm chỉ số (quadrants: id, name) và các chỉ số (indicators: id, quadrant, name, tiêu chí các mức green, "
    "yellow, red). Không có tệp này thì không dùng chức năng tự đánh giá.",
    "Không tìm thấy tệp {file}.",
    variants={
        "unreadable": "Không đọc được tệp {file} (lỗi '{problem}'). Lưu tệp bằng UTF-8.",
        "id": "{what} '{value}': mã không hợp lệ. Mã gồm chữ số, chữ cái, phân cách bằng dấu chấm, ví dụ 1.1.",
        "twice": "{what} '{value}' đã khai báo ở dòng {first}. Mỗi mã chỉ khai báo một lần.",
        "quadrant": "Chỉ số {id}: nhóm '{value}' không có trong mục quadrants (các nhóm: {known}).",
        "empty": "Nhóm chỉ số {id} ({name}) chưa có chỉ số nào. Thêm chỉ số vào mục indicators hoặc xóa nhóm.",
    },
    stage="load")
ISO18091_INDICATORS = RuleText(E, "ISO 18091", "Tự đánh giá thiếu chỉ số hoặc ghi chỉ số ngoài bộ chỉ số",
    "Hồ sơ tự đánh giá theo TCVN ISO 18091 (kind: assessment) đánh giá mọi chỉ số của bộ chỉ số trong "
    "site_config/iso18091.yml, mỗi chỉ số một lần, và chỉ các chỉ số đó. Hồ sơ chưa ký đóng chỉ bị cảnh báo.",
    "{id}: chưa đánh giá {count} chỉ số của bộ chỉ số: {missing}. Bổ sung vào mục scores (indicator, level, "
    "evidence; action, owner, due khi mức vàng hoặc đỏ).",
    variants={
        "unknown": "{id}: chỉ số '{value}' không có trong bộ chỉ số site_config/iso18091.yml.{hint}",
        "twice": "{id}: chỉ số {value} đã được đánh giá ở dòng {first}. Mỗi chỉ số chỉ đánh giá một lần.",
        "no-set": "{id} là hồ sơ tự đánh giá theo TCVN ISO 18091 nhưng chưa có bộ chỉ số "
                  "(site_config/iso18091.yml) để đối chiếu. Khai báo bộ chỉ số của địa phương.",
    })
ISO18091_NO_ACTION = RuleText(E, "ISO 18091", "Chỉ số mức vàng, đỏ chưa có trong chương trình hành động",
    "Mỗi chỉ số được hội đồng đánh giá mức vàng hoặc đỏ phải có trong chương trình hành động: hành động cải "
    "tiến (action), người chịu trách nhiệm (owner) và hạn hoàn thành (due). Hồ sơ chưa ký đóng chỉ bị cảnh báo.",
    "{id}: chỉ số {indicator} ({name}) được đánh giá mức {level} nhưng chưa ghi {missing}. Bổ sung để chỉ số có "
    "trong chương trình hành động.")

# --- Nội dung an toàn ------------------------------------------------------------------
UNSAFE_HTML = RuleText(W, "Nội dung an toàn", "Nội dung có mã có thể chạy trên trình duyệt",
    "Tài liệu không chứa thẻ <script>, <iframe>, thuộc tính sự kiện (onerror=, onclick=...) hay "
    "liên kết javascript:. Khi xuất bản, các phần này bị loại bỏ khỏi trang nội bộ.",
    "Nội dung có {what}: phần này có thể chạy lệnh trên máy người đọc nên đã bị loại bỏ khỏi trang "
    "nội bộ. Xóa nó khỏi tài liệu (thường do sao chép từ trang web hoặc Word); chỉ dùng định dạng "
    "Markdown: bảng, danh sách, liên kết thường.")

# --- Cách viết Markdown (một nghĩa trên bản xem trước, trang và bản in) -----------------------
HIDDEN_TAG = RuleText(E, "Cách viết Markdown", "Chữ trong ngoặc nhọn bị ẩn",
    "Nội dung tài liệu được hiểu theo CommonMark + GFM, như bản xem trước của pull request. Chữ "
    "trong ngoặc nhọn như <tên tổ chức> được hiểu là một thẻ HTML nên không hiện ở đâu cả: bản xem "
    "trước, trang nội bộ và bản in đều mất chữ đó.",
    "'{tag}' được hiểu là thẻ HTML nên chữ này không hiện trên bản xem trước, trang nội bộ và bản "
    "in. Viết \\{tag} (thêm dấu \\ trước dấu <) hoặc đặt trong dấu `...`.")
LINK_TARGET = RuleText(W, "Cách viết Markdown", "Liên kết không dẫn tới đâu",
    "Liên kết phải có địa chỉ; liên kết tới một mục trong tài liệu (#muc) phải trỏ tới một đề mục "
    "có thật. Bản in không thể in một liên kết như vậy nên chỉ in chữ của nó.",
    "Liên kết '{text}' không có địa chỉ. Điền địa chỉ vào (...) hoặc bỏ dấu [ ] nếu không cần liên kết.",
    variants={"anchor": "Liên kết '{text}' trỏ tới mục #{anchor} nhưng tài liệu không có đề mục đó. Sửa "
                        "địa chỉ theo tên đề mục (ví dụ #1-muc-dich) hoặc bỏ liên kết."})
GITHUB_ONLY = RuleText(W, "Cách viết Markdown", "Cú pháp chỉ GitHub hiển thị",
    "GitHub hiển thị riêng một số cú pháp ngoài CommonMark + GFM (chú thích [^1], hộp lưu ý > [!NOTE], "
    "công thức $...$, sơ đồ ```mermaid). Trang nội bộ và bản in hiện nguyên văn các ký hiệu đó, nên "
    "người duyệt pull request thấy khác người đọc.",
    "Chú thích kiểu [^...] chỉ GitHub hiển thị; trên trang nội bộ và bản in, dòng định nghĩa chú thích bị "
    "ẩn. Viết phần chú thích thành đoạn văn thường (ví dụ '(1) ...') ở cuối mục.",
    variants={"alert": "Hộp lưu ý '> [!...]' chỉ GitHub hiển thị; trang nội bộ và bản in hiện nguyên văn "
                       "'[!...]'. Viết thành trích dẫn thường: '> **Lưu ý:** ...'.",
              "math": "Công thức viết trong dấu $ chỉ GitHub hiển thị; trang nội bộ và bản in hiện nguyên văn. "
                      "Viết công thức bằng chữ thường (ví dụ 'Tỷ lệ = số hồ sơ đúng hạn / tổng số hồ sơ x 100%') "
                      "hoặc thêm \\ trước dấu $.",
              "diagram": "Sơ đồ trong khối ``` này chỉ GitHub vẽ ra; trang nội bộ và bản in hiện mã nguồn. Chèn "
                         "sơ đồ dưới dạng hình ảnh (PNG, SVG) trong thư mục của tài liệu."})
PRINT_GLYPH = RuleText(W, "Cách viết Markdown", "Ký tự không in ra được",
    "Bản in dùng phông chữ trong site_config/print/fonts/ hoặc Times New Roman, Liberation Serif, "
    "DejaVu Serif. Ký tự không có trong các phông này (chữ viết khác, ký hiệu hiếm) bị bỏ trống "
    "trên bản in, dù trang nội bộ vẫn hiện.",
    "Ký tự {chars} không in ra được bằng phông chữ của bản in ({fonts}): bản in để trống chỗ đó. Thay "
    "bằng ký tự thông dụng, hoặc chép tệp phông có các ký tự này vào site_config/print/fonts/.")

HIDDEN_TEXT = RuleText(W, "Nội dung an toàn", "Nội dung được duyệt nhưng không ai nhìn thấy",
    "Ghi chú HTML (<!-- ... -->) và ký tự vô hình (khoảng trắng độ rộng 0, ký tự đảo chiều chữ) nằm trong "
    "nội dung được phê duyệt nhưng không hiện trên trang nội bộ hay bản in: người đọc không biết chúng có ở đó.",
    "Ghi chú HTML (<!-- ... -->) ở dòng này được phê duyệt nhưng không hiện cho người đọc. Viết thành nội "
    "dung thường hoặc xóa.",
    variants={"character": "Dòng này có ký tự vô hình {char} (thường do sao chép từ web hoặc Word). Xóa ký tự "
                           "đó: người đọc không nhìn thấy nó nhưng nó làm khác nội dung, kết quả tìm kiếm và dấu "
                           "vân tay phê duyệt."})

# --- Bản in và bản kiểm soát --------------------------------------------------------------
PDF_RENDER = RuleText(E, "Bản in và bản kiểm soát", "Không tạo được bản in của tài liệu",
    "Mỗi tài liệu đang áp dụng được xuất bản kèm bản PDF (biểu mẫu kèm thêm bản Word). Lỗi "
    "thường do hình ảnh không có trong kho, định dạng Markdown lạ hoặc mẫu trình bày "
    "site_config/print/tai-lieu.typ bị sửa sai.",
    "Không tạo được {what}: {detail}. Kiểm tra hình ảnh và định dạng ở dòng này, hoặc mẫu trình "
    "bày site_config/print/tai-lieu.typ, rồi dựng lại.",
    stage="print")
PDF_CERTIFICATE = RuleText(E, "Bản in và bản kiểm soát", "Không dùng được chứng thư số của cơ quan",
    "Khi organisation.yml khai báo certificate, mọi bản PDF xuất bản và bản kiểm soát được ký số bằng chứng "
    "thư số của cơ quan; không ký được thì không xuất bản bản chưa ký.",
    "{problem}",
    stage="print")
DISTRIBUTION_INVALID = RuleText(E, "Bản in và bản kiểm soát", "Sổ theo dõi phân phối không hợp lệ",
    "registers/distribution.csv do lệnh 'qms issue-copy' và 'qms recall' ghi; mỗi dòng là một bản "
    "kiểm soát với mã hiệu, lần ban hành, số bản (không trùng), đơn vị nhận, ngày cấp, người cấp, "
    "ngày và người thu hồi.",
    "{detail} Sửa dòng này trong registers/distribution.csv (nên dùng lệnh 'qms issue-copy' và "
    "'qms recall' thay vì sửa tay).")
_REGISTER_FIX = " Sửa dòng này trong registers/distribution.csv (nên dùng 'qms issue-copy' và 'qms recall')."
DISTRIBUTION_CODE = RuleText(E, "Bản in và bản kiểm soát", "Sổ phân phối ghi tài liệu không có",
    "Mỗi bản kiểm soát là bản của một tài liệu có thật, ở một lần ban hành đã có.",
    "Không có tài liệu mã hiệu '{code}' (bản số {copy})." + _REGISTER_FIX,
    variants={"revision": "Bản số {copy} của {code} ghi lần ban hành {revision:02d}, nhưng tài liệu mới ở lần "
                          "ban hành {current:02d}." + _REGISTER_FIX})
DISTRIBUTION_UNIT = RuleText(E, "Bản in và bản kiểm soát", "Sổ phân phối ghi đơn vị không có",
    "Đơn vị nhận bản kiểm soát là một đơn vị trong site_config/organisation.yml.",
    "Không có đơn vị mã '{unit}' trong site_config/organisation.yml (bản số {copy} của {code})." + _REGISTER_FIX)
DISTRIBUTION_PERSON = RuleText(E, "Bản in và bản kiểm soát", "Sổ phân phối ghi người không có",
    "Người cấp và người thu hồi là nhân sự trong site_config/organisation.yml (không phải tên đăng nhập máy).",
    "'{person}' ({role}) không phải mã nhân sự trong site_config/organisation.yml (bản số {copy} của {code})."
    + _REGISTER_FIX)
DISTRIBUTION_DATES = RuleText(E, "Bản in và bản kiểm soát", "Sổ phân phối ghi ngày không thể có",
    "Bản kiểm soát được cấp không sau hôm nay và được thu hồi sau khi cấp, không sau hôm nay.",
    "Bản số {copy} của {code}: {what}." + _REGISTER_FIX)

# --- Cấu hình --------------------------------------------------------------------------
# --- Chữ ký số -------------------------------------------------------------------------
SIGNATURE_MISSING = RuleText(E, "Chữ ký số", "Ký duyệt chưa có chữ ký số",
    "Khi organisation.yml đặt 'signatures: required', mỗi ký duyệt (soạn thảo, xem xét, phê duyệt) của "
    "tài liệu đang áp dụng có chữ ký số bằng khóa của chính người ký, để chứng minh ai đã ký. Với "
    "'signatures: warning', thiếu chữ ký chỉ là cảnh báo.",
    "Ký {role} của {name} chưa có chữ ký số (không có tệp {file}). Người ký chạy 'qms approve {code} "
    "--role {role_option} --by {by} --key <tệp khóa>' (ký lại lần ký này) hoặc 'qms sign {code} --role "
    "{role_option} --key <tệp khóa>' (ký cho lần ký đã ghi).")
SIGNATURE_INVALID = RuleText(E, "Chữ ký số", "Chữ ký số không hợp lệ",
    "Chữ ký số phải khớp đúng từng byte của nội dung đã ký; tệp bị sửa sau khi ký thì chữ ký hỏng.",
    "Chữ ký số của lần ký {role} không hợp lệ: {why}. Hoàn tác thay đổi ở tệp chữ ký, hoặc người ký "
    "ký lại bằng 'qms sign {code} --role {role_option} --key <tệp khóa>'.")
SIGNATURE_KEY_OWNER = RuleText(E, "Chữ ký số", "Chữ ký số bằng khóa của người khác",
    "Chữ ký chỉ chứng minh người ký khi khóa ký là khóa của chính người có tên trong ký duyệt "
    "(khai báo ở mục keys của người đó trong organisation.yml).",
    "Ký {role} ghi tên {name} nhưng chữ ký ({file}) làm bằng khóa {key} của {owner}. Người có tên phải tự "
    "ký bằng khóa của mình: 'qms sign {code} --role {role_option} --key <tệp khóa>'.",
    variants={"unknown": "Ký {role} ghi tên {name} nhưng chữ ký ({file}) làm bằng khóa {key} không có "
                         "trong organisation.yml. Khai báo khóa ở mục keys của {by} (nếu đúng là khóa của "
                         "người này) hoặc người ký ký lại bằng khóa đã khai báo."})
SIGNATURE_KEY_DATE = RuleText(E, "Chữ ký số", "Chữ ký số bằng khóa đã thu hồi hoặc hết hạn",
    "Khóa bị thu hồi (revoked) hay hết hạn (until) thì không ký được nữa; chữ ký làm trước ngày đó vẫn "
    "có giá trị.",
    "Chữ ký {role} của {name} ghi ngày ký {signed} nhưng khóa {key} {why}. Người ký ký lại bằng khóa "
    "còn hiệu lực: 'qms sign {code} --role {role_option} --key <tệp khóa>'.")
SIGNATURE_CONTENT = RuleText(E, "Chữ ký số", "Chữ ký số cho nội dung khác",
    "Chữ ký phủ mã hiệu, lần ban hành, vai trò, ngày và dấu vân tay nội dung của đúng lần ký này; chữ "
    "ký hợp lệ nhưng cho giá trị khác không chứng minh lần ký đang ghi.",
    "Chữ ký {role} hợp lệ nhưng ký cho {differences}, không phải giá trị đang ghi ở tài liệu. Nếu ký "
    "duyệt đã bị sửa, hoàn tác; nếu đúng là ký lại, người ký ký bằng 'qms approve {code} --role "
    "{role_option} --by {by} --key <tệp khóa>'.")
SECRET_FILE = RuleText(E, "Chữ ký số", "Khóa bí mật trong kho",
    "Khóa bí mật (khóa SSH, khóa PGP) và tệp chứng thư số có khóa bí mật (.p12, .pfx) không bao giờ được "
    "đưa vào kho git: ai đọc được kho sẽ ký thay người giữ khóa. Chỉ khóa mẫu cho kiểm thử nằm trong tests/.",
    "Tệp này chứa {what}. Xóa tệp khỏi kho ('git rm --cached {file}'), chuyển ra ngoài thư mục kho, và "
    "vì khóa đã lộ, thu hồi nó (ghi 'revoked' trong organisation.yml) rồi tạo khóa mới.")


CONFIG_INVALID = RuleText(E, "Cấu hình", "Cấu hình tổ chức không hợp lệ",
    "site_config/organisation.yml khai báo cơ quan, đơn vị, nhân sự, quyền ký và mẫu mã hiệu.",
    "Không tìm thấy tệp {file}.",
    variants={
        "unreadable": "Không đọc được tệp {file} (lỗi '{problem}'). Lưu tệp bằng UTF-8.",
        "unit-parent": "Đơn vị '{unit}': đơn vị cấp trên '{value}' không tồn tại.",
        "month-day": "Trường '{key}' trong {file}: '{value}' không phải dạng tháng-ngày (ví dụ 12-15).",
        "unit-head": "Đơn vị '{unit}': trưởng đơn vị '{value}' không có trong mục people.",
        "unit-successor": "Đơn vị '{unit}': đơn vị kế thừa '{value}' không tồn tại.",
        "successor-undated": "Đơn vị '{unit}' có đơn vị kế thừa nhưng thiếu ngày giải thể (dissolved).",
        "person-position": "Nhân sự '{person}': chức danh '{value}' không có trong mục positions.",
        "person-unit": "Nhân sự '{person}': đơn vị '{value}' không tồn tại.",
        "role-position": "Quyền ký '{action}': chức danh '{value}' không có trong mục positions.",
        "code-template": "Mẫu mã hiệu '{value}' không hợp lệ.",
        "code-missing": "Thiếu mẫu mã hiệu cho loại tài liệu '{kind}'.",
        "signing-key": "Nhân sự '{person}': khóa ký không hợp lệ ({why}). Dán nguyên dòng của tệp khóa công "
                       "khai, ví dụ ~/.ssh/id_ed25519.pub.",
        "key-shared": "Khóa {fingerprint} khai báo cho '{person}' nhưng đã khai báo (cho '{other}') ở trên: mỗi khóa "
                      "thuộc đúng một người và chỉ ghi một lần.",
    },
    stage="load")
REGISTER_INVALID = RuleText(E, "Cấu hình", "Sổ văn bản pháp luật không hợp lệ",
    "site_config/legal_register.yml liệt kê văn bản với số ký hiệu, loại, trích yếu, cơ quan "
    "ban hành, ngày ban hành, ngày hiệu lực, tình trạng và quan hệ.",
    "Không tìm thấy tệp {file}.",
    variants={
        "unreadable": "Không đọc được tệp {file} (lỗi '{problem}'). Lưu tệp bằng UTF-8.",
        "number": "Số ký hiệu '{number}' không hợp lệ.",
        "twice": "Văn bản '{number}' khai báo hai lần.",
        "relation": "Văn bản '{number}': số ký hiệu '{value}' ở mục '{relation}' không hợp lệ.",
    },
    stage="load")

# --- Cổng tỉnh (portal.yml, lệnh 'qms portal') -------------------------------------------
PORTAL_CONFIG = RuleText(E, "Cổng tỉnh", "Không đọc được cấu hình cổng tỉnh",
    "Cổng tỉnh đọc tệp portal.yml trong thư mục riêng của cổng: tên tỉnh, cơ quan đầu mối, số ngày thì dữ "
    "liệu bị coi là cũ, giới hạn khi thu thập và danh sách cơ quan (id, name, level, site_url).",
    "Không tìm thấy tệp {file}. Tạo tệp theo mẫu portal/portal.yml hoặc chỉ đường dẫn bằng --config.",
    variants={"unreadable": "Không đọc được tệp {file} (lỗi '{problem}'). Lưu tệp bằng UTF-8."},
    stage="load")
PORTAL_AGENCY_ID = RuleText(E, "Cổng tỉnh", "Mã cơ quan trên cổng tỉnh không hợp lệ hoặc trùng",
    "Mã (id) của mỗi cơ quan là địa chỉ trang của cơ quan trên cổng và tên thư mục lưu bản thu thập: chỉ gồm "
    "chữ thường không dấu, chữ số và dấu '-', tối đa 64 ký tự, và không trùng nhau.",
    "Mã cơ quan '{value}' không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu '-' (ví dụ so-khcn, "
    "xa-an-binh).",
    variants={"twice": "Mã cơ quan '{value}' đã dùng ở dòng {first}. Đặt cho mỗi cơ quan một mã riêng."},
    stage="load")
PORTAL_URL = RuleText(E, "Cổng tỉnh", "Địa chỉ của cơ quan trên cổng tỉnh không hợp lệ",
    "site_url là trang đã xuất bản của cơ quan (http:// hoặc https://), được liên kết từ cổng; status_url và "
    "manifest_url là nơi thu thập hai tệp: http://, https://, file:// hoặc đường dẫn tệp trên máy.",
    "Trường '{key}': '{value}' không phải địa chỉ http:// hoặc https://.",
    variants={"collect": "Trường '{key}': '{value}' không phải địa chỉ http://, https://, file:// hay đường dẫn "
                         "tệp, nên không thu thập được."},
    stage="load")



def _name_rules() -> dict[str, RuleText]:
    """Every rule above, in the order written, each given the id its name spells."""
    rules = {}
    for name, value in list(globals().items()):
        if isinstance(value, RuleText):
            object.__setattr__(value, "id", name.lower().replace("_", "-"))
            rules[value.id] = value
    return rules


RULES: dict[str, RuleText] = _name_rules()
