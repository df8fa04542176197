"""Generated agencies for the portal's site tests and measurements: each with a status.json made
from the sample's real one (so it follows the schema) with its own figures, and a manifest of
50-300 documents whose titles are those agencies really have (the QMS procedures every agency
keeps, procedures for administrative procedures of its sector, forms)."""
from __future__ import annotations

import copy
import random
from datetime import date, timedelta

from builder.portal.model import AgencyEntry, Collected

CORE = ["Quy trình kiểm soát tài liệu", "Quy trình kiểm soát hồ sơ", "Quy trình đánh giá nội bộ",
        "Quy trình xem xét của lãnh đạo", "Quy trình kiểm soát sự không phù hợp và hành động khắc phục",
        "Quy trình quản lý rủi ro và cơ hội", "Quy trình khảo sát sự hài lòng của tổ chức, cá nhân",
        "Chính sách chất lượng", "Mục tiêu chất lượng năm 2026", "Kế hoạch duy trì hệ thống quản lý chất lượng"]
ACTS = ["cấp giấy phép", "cấp lại giấy phép", "gia hạn giấy phép", "cấp giấy chứng nhận", "đăng ký", "thẩm định",
        "công nhận", "chứng thực", "cấp bản sao", "xác nhận", "phê duyệt", "điều chỉnh"]
OBJECTS = ["xây dựng", "kinh doanh vận tải", "hoạt động khoa học và công nghệ", "khai sinh", "kết hôn", "khai tử",
           "quyền sử dụng đất", "hộ kinh doanh", "an toàn thực phẩm", "môi trường", "hoạt động giáo dục",
           "hành nghề y", "sử dụng nguồn phóng xạ", "đo lường phương tiện đo", "công bố hợp quy",
           "chuyển giao công nghệ", "lễ hội", "quảng cáo", "thủy lợi", "khai thác khoáng sản", "tạm trú",
           "hỗ trợ nhà ở", "trợ cấp xã hội", "đất đai", "nuôi con nuôi", "hộ tịch", "tôn giáo", "bảo trợ xã hội"]
FORMS = ["Phiếu tiếp nhận hồ sơ", "Phiếu kiểm soát quá trình giải quyết hồ sơ", "Sổ theo dõi hồ sơ",
         "Phiếu yêu cầu bổ sung hồ sơ", "Phiếu từ chối tiếp nhận hồ sơ", "Biên bản thẩm định"]
DEPARTMENTS = ["Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Y tế",
               "Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch",
               "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"]
PLACES = ["An Bình", "Đông Hải", "Tây Sơn", "Phú Lộc", "Hòa Thuận", "Thạnh Mỹ", "Quảng Điền", "Ngọc Lặc",
          "Đức Phổ", "Tiên Phước", "Hương Trà", "Cẩm Lệ", "Mỹ Đức", "Bến Cát", "Ea Kar", "Ô Môn"]


def documents(rng: random.Random, count: int) -> list[dict]:
    """A manifest's documents: the core procedures, procedures for administrative procedures, forms."""
    out = [dict(code=f"QT.{i + 1:02d}", title=t) for i, t in enumerate(CORE)]
    n = len(out)
    while len(out) < count:
        n += 1
        out.append(dict(code=f"QT.{n:02d}", title=f"Quy trình {rng.choice(ACTS)} {rng.choice(OBJECTS)}"))
        for k in range(min(rng.randint(1, 3), count - len(out))):
            out.append(dict(code=f"BM.{n:02d}.{k + 1:02d}", title=f"{rng.choice(FORMS)} {rng.choice(OBJECTS)}"))
    return [dict(d, kind="procedure" if d["code"].startswith("QT") else "form", revision=1, status="effective",
                 url=f"tai-lieu/{d['code'].lower().replace('.', '-')}/") for d in out[:count]]


def clean(status: dict, built: date) -> dict:
    """Every light green: nothing overdue, objectives met, audit and review months away."""
    now = status["now"]
    now.update(legal_overdue=0, legal_due=0, actions_overdue=0, iso18091=None)
    for key in ("internal_audit", "management_review"):
        now[key] = {"last": (built - timedelta(days=60)).isoformat(),
                    "due": (built + timedelta(days=300)).isoformat(), "overdue": False}
    now["objectives"].update(met=now["objectives"]["total"], not_met=0, not_measured=0)
    now["plan"].update(overdue=0)
    now["surveys"].update(below_target=0, average=max(now["surveys"]["average"] or 0, 90.0), lowest=85.0)
    now["scope"]["changed"] = False
    return status


def status_variant(base: dict, rng: random.Random, built: date, name: str) -> dict:
    """The sample's status.json as another agency's, with figures spread over every light (one
    agency in three with every light green)."""
    s = copy.deepcopy(base)
    s["agency"]["name"] = name
    s["generated"] = built.isoformat()
    now = s["now"]
    now["legal_overdue"], now["legal_due"] = rng.choice([(0, 0), (0, 0), (0, 2), (1, 0)])
    now["actions_overdue"] = rng.choice([0, 0, 0, 1, 3])
    last = built - timedelta(days=rng.choice([20, 120, 300, 350, 400]))
    for key in ("internal_audit", "management_review"):
        due = date(last.year + 1, last.month, min(last.day, 28))
        now[key] = {"last": last.isoformat(), "due": due.isoformat(), "overdue": due < built}
    total = rng.randint(4, 8)
    met = rng.randint(total // 3, total)
    now["objectives"] = {"total": total, "met": met, "not_met": total - met, "not_measured": 0}
    done = rng.randint(3, 12)
    now["plan"] = {"tasks": 12, "done": done, "overdue": rng.choice([0, 0, 1]), "completion": round(done * 100 / 12, 1)}
    average = round(rng.uniform(65, 99), 1)
    now["surveys"] = {"held": 2, "average": average, "lowest": round(average - rng.uniform(0, 8), 1),
                      "below_target": rng.choice([0, 0, 1])}
    now["scope"]["changed"] = rng.random() < 0.15
    now["iso18091"] = ({"green": rng.randint(5, 20), "yellow": rng.randint(0, 4), "red": rng.choice([0, 0, 1])}
                       if rng.random() < 0.3 else None)
    return clean(s, built) if rng.random() < 0.35 else s


def generated(base_status: dict, count: int, today: date, seed: int = 1, docs: tuple[int, int] = (50, 300),
              site: str = "https://iso.{id}.example.gov.vn/") -> list[Collected]:
    """`count` agencies, departments first then communes, most fresh, some stale."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        if i < len(DEPARTMENTS):
            name, level, agency_id = f"{DEPARTMENTS[i]} tỉnh Hòa Phong", "so", f"so-{i + 1}"
        else:
            place = f"{PLACES[i % len(PLACES)]} {i // len(PLACES) or ''}".strip()
            name, level, agency_id = f"Ủy ban nhân dân {rng.choice(['xã', 'phường'])} {place}", "xa", f"xa-{i + 1}"
        built = today - timedelta(days=rng.choice([0, 0, 0, 0, 1, 2, 10, 40]))
        entry = AgencyEntry(agency_id, name, level, site.format(id=agency_id), "status.json", "manifest.json")
        manifest = {"agency": name, "generated": built.isoformat(),
                    "documents": documents(rng, rng.randint(*docs)), "records": []}
        out.append(Collected(entry, status_variant(base_status, rng, built, name), manifest, built))
    return out
