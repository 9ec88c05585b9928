#include "i18n.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>

namespace ontrack {
namespace {

std::atomic<Lang> current_language{Lang::en};

// English key -> Vietnamese, sorted by key in byte order (strcmp): keep it so
// when adding entries (i18n_test checks it, and that every entry has the
// placeholders of its key). The keys are the exact English strings of the
// code, fmt format strings included; Vietnamese in precomposed (NFC) UTF-8.
// Vocabulary: drug-free = không ma túy, certified = được công nhận, revoked =
// bị thu hồi công nhận, planned = dự kiến, milestone = mốc, deadline = hạn,
// target = chỉ tiêu, required = cần đạt, covered = đã đạt, shortfall = còn
// thiếu, verdict = đánh giá, met / missed / on-track / behind = đạt / không
// đạt / đúng tiến độ / chậm tiến độ, locality = đơn vị, overdue = quá hạn,
// as of = tính đến ngày. TOML keys and headers (name, [plan], [[locality]])
// stay as they are written in the file.
// clang-format off
constexpr CatalogueEntry entries[] = {
    {"  hint: {}", "  gợi ý: {}"},
    {"  {}  planned {}", "  {}  dự kiến {}"},
    {" (did you mean \"{}\"?)", " (có phải ý bạn là \"{}\"?)"},
    {"'{}' is a date written as a string", "'{}' là ngày nhưng được ghi dưới dạng chuỗi"},
    {"'{}' is not DEADLINE=TARGET, e.g. 2025-12-31=30% or 2027-12-31=52", "'{}' không có dạng DEADLINE=TARGET, ví dụ 2025-12-31=30% hoặc 2027-12-31=52"},
    {"'{}' is not a date between 0001-01-01 and 9999-12-31", "'{}' không phải ngày trong khoảng 0001-01-01 đến 9999-12-31"},
    {"'{}' is not a date: {}", "'{}' không phải ngày: {}"},
    {"'{}' is the id of {}, not a name: find it by id", "'{}' là mã của {}, không phải tên: hãy tìm theo mã"},
    {"'{}' is the name of a locality, not its id: find it by name", "'{}' là tên của một đơn vị, không phải mã: hãy tìm theo tên"},
    {"'{}' must be {}, not {}", "'{}' phải là {}, không phải {}"},
    {"'{}' would be revoked on {} before it was ever certified", "'{}' sẽ bị thu hồi công nhận ngày {} khi chưa từng được công nhận"},
    {"'{}' would be {} on {} and again on {} ({}) with nothing in between", "'{}' sẽ {} ngày {} rồi lại vào ngày {} ({}) mà không có sự kiện nào ở giữa"},
    {"'{}' would be {} on {} while already {} since {} ({})", "'{}' sẽ {} ngày {} trong khi đã {} từ ngày {} ({})"},
    {"'{}' would have two events on {}", "'{}' sẽ có hai sự kiện trong cùng ngày {}"},
    {"; run again with --apply to add them", "; chạy lại với --apply để thêm"},
    {"> **Note:** {}", "> **Lưu ý:** {}"},
    {"Achieved pace: {} net units in the {} months from {} to {} ({} to {} drug-free).", "Tốc độ đạt được: {} đơn vị thực tăng trong {} tháng từ {} đến {} (từ {} lên {} đơn vị không ma túy)."},
    {"Achieved/month", "Đạt được/tháng"},
    {"After", "Sau"},
    {"And {} units counted in the total but not listed in the plan.", "Và {} đơn vị tính trong tổng số nhưng không có trong danh sách."},
    {"As of **{}**: **{} of {}** units drug-free ({}).", "Tính đến ngày **{}**: **{}/{}** đơn vị không ma túy ({})."},
    {"As of {}: {} of {} units drug-free ({})", "Tính đến ngày {}: {}/{} đơn vị không ma túy ({})"},
    {"Before", "Trước"},
    {"By {}", "Theo {}"},
    {"Certified", "Được công nhận"},
    {"Change", "Thay đổi"},
    {"Changes from {} to {}", "Thay đổi từ {} đến {}"},
    {"Colour in the table: auto (terminal, no NO_COLOR), always or never", "Màu trong bảng: auto (khi xuất ra terminal và không đặt NO_COLOR), always hoặc never"},
    {"Columns are headed by each milestone's deadline.", "Mỗi cột mang hạn của một mốc."},
    {"Covered", "Đã đạt"},
    {"Covered after", "Đã đạt sau"},
    {"Covered before", "Đã đạt trước"},
    {"Deadline", "Hạn"},
    {"Display program version information and exit", "In phiên bản chương trình rồi thoát"},
    {"Drug-free", "Không ma túy"},
    {"Each milestone's shortfall is shared in proportion to the units each group has not covered by the deadline (largest remainders); the shares add up to the shortfall.", "Phần còn thiếu của mỗi mốc được chia theo tỷ lệ số đơn vị chưa đạt của từng nhóm đến hạn (phương pháp số dư lớn nhất); tổng các phần bằng phần còn thiếu."},
    {"Events", "Sự kiện"},
    {"Excludes", "Loại trừ"},
    {"Exit status judges upcoming milestones only (for cron)", "Mã thoát chỉ xét các mốc sắp tới (dùng cho cron)"},
    {"Exit status: 0 every milestone met or on-track, 1 any missed or behind, 2 usage or input error.", "Mã thoát: 0 mọi mốc đạt hoặc đúng tiến độ, 1 có mốc không đạt hoặc chậm tiến độ, 2 lỗi cách dùng hoặc lỗi dữ liệu đầu vào."},
    {"Figure", "Số liệu"},
    {"Formula", "Công thức"},
    {"How each figure is computed", "Cách tính từng số liệu"},
    {"Id", "Mã"},
    {"Is the plan to make every locality drug-free on track? Reads a TOML plan and reports, for each\nmilestone, the units required and covered, the shortfall, and a verdict.", "Kế hoạch xây dựng đơn vị không ma túy có đúng tiến độ không? Đọc kế hoạch TOML và báo cáo, với\nmỗi mốc, số đơn vị cần đạt, đã đạt, còn thiếu và đánh giá."},
    {"Kind", "Loại"},
    {"Language of the report and messages: vi or en (default: from LC_ALL, LC_MESSAGES or LANG)", "Ngôn ngữ của báo cáo và thông báo: vi hoặc en (mặc định: theo LC_ALL, LC_MESSAGES hoặc LANG)"},
    {"Localities: {} ({})", "Đơn vị: {} ({})"},
    {"Locality", "Đơn vị"},
    {"Milestone", "Mốc"},
    {"Milestone {}", "Mốc {}"},
    {"Milestones whose verdict changed", "Các mốc thay đổi đánh giá"},
    {"NOTE: {}", "LƯU Ý: {}"},
    {"Needed/month", "Cần/tháng"},
    {"No locality was certified or revoked.", "Không có đơn vị nào được công nhận hay bị thu hồi."},
    {"No milestone is still ahead.", "Không còn mốc nào phía trước."},
    {"None.", "Không có."},
    {"Note: {}", "Ghi chú: {}"},
    {"OPTIONS", "TÙY CHỌN"},
    {"Options", "Tùy chọn"},
    {"Output format", "Định dạng đầu ra"},
    {"Overdue (planned date passed, not drug-free): {}", "Quá hạn (đã qua ngày dự kiến, chưa đạt không ma túy): {}"},
    {"Pace and forecast", "Tốc độ và dự báo"},
    {"Planned", "Dự kiến"},
    {"Planned after {}: {}", "Dự kiến đạt sau ngày {}: {}"},
    {"Planned dates that slipped into overdue", "Ngày dự kiến đã trở thành quá hạn"},
    {"Positionals", "Đối số vị trí"},
    {"Print this help message and exit", "In trợ giúp này rồi thoát"},
    {"Progress", "Tiến độ"},
    {"Projected", "Dự báo"},
    {"R = (projected - baseline) / (required - baseline), baseline = coverage at the start of the trend window; graded with the thresholds of the UN Statistics Division's SDG progress chart: R >= 0.95 on track, 0.10 <= R < 0.95 needs acceleration, R < 0.10 stagnant or regressing.", "R = (dự báo - mức gốc) / (cần đạt - mức gốc), mức gốc = số đơn vị không ma túy ở đầu cửa sổ xu hướng; xếp loại theo ngưỡng của biểu đồ tiến độ SDG của Cơ quan Thống kê Liên Hợp Quốc: R >= 0,95 đúng tiến độ, 0,10 <= R < 0,95 cần đẩy nhanh, R < 0,10 đứng yên hoặc giảm."},
    {"REQUIRED", "BẮT BUỘC"},
    {"Reached on", "Ngày đạt"},
    {"Report as of this day (default: today)", "Báo cáo tính đến ngày này (mặc định: hôm nay)"},
    {"Required", "Cần đạt"},
    {"Revoked", "Bị thu hồi"},
    {"Roll-up", "Tổng hợp"},
    {"Roll-up: {}", "Tổng hợp: {}"},
    {"Run 'ontrack --help' for usage.", "Chạy 'ontrack --help' để xem cách dùng."},
    {"Safety buffer against the straight path from {}: {}.", "Khoảng an toàn so với đường thẳng từ {}: {}."},
    {"Same as --color=never", "Giống --color=never"},
    {"Shortfall", "Còn thiếu"},
    {"Source: {}", "Nguồn: {}"},
    {"Target", "Chỉ tiêu"},
    {"The dates in this plan are illustrative, not official records.", "Các ngày trong kế hoạch này chỉ mang tính minh họa, không phải số liệu chính thức."},
    {"The forecast extrapolates the recent pace; the verdicts above follow the plan's dates.", "Dự báo ngoại suy theo tốc độ gần đây; các đánh giá ở trên theo ngày trong kế hoạch."},
    {"The plan (TOML); - reads standard input; several plans add a roll-up", "Kế hoạch (TOML); - đọc từ đầu vào chuẩn; nhiều kế hoạch thì thêm phần tổng hợp"},
    {"Uncovered with no plan: {}", "Chưa đạt, chưa có kế hoạch: {}"},
    {"Uncovered with no plan: {} ({} listed, {} not listed in the plan)", "Chưa đạt, chưa có kế hoạch: {} ({} có trong danh sách, {} không có trong kế hoạch)"},
    {"Units", "Đơn vị"},
    {"Upcoming milestones count the units drug-free today plus those planned by the deadline.", "Mốc sắp tới tính các đơn vị không ma túy đến hôm nay cộng với các đơn vị dự kiến đạt trong hạn."},
    {"Usage", "Cách dùng"},
    {"Value", "Giá trị"},
    {"Verdict", "Đánh giá"},
    {"Write the report to this file (atomically) instead of stdout", "Ghi báo cáo vào tệp này (ghi trọn vẹn một lần) thay vì ra stdout"},
    {"a CSV file starts with a row naming its columns, e.g. code,name,type", "tệp CSV bắt đầu bằng một dòng ghi tên các cột, ví dụ code,name,type"},
    {"a FIFO", "một FIFO"},
    {"a block device", "một thiết bị khối"},
    {"a boolean", "một giá trị true/false"},
    {"a character device", "một thiết bị ký tự"},
    {"a count target may not exceed total; raise total or lower the target", "chỉ tiêu tính bằng số đơn vị không được vượt quá total; hãy tăng total hoặc giảm chỉ tiêu"},
    {"a count target must be at least 1 unit", "chỉ tiêu tính bằng số đơn vị phải từ 1 đơn vị trở lên"},
    {"a date", "một ngày"},
    {"a date-time", "một ngày giờ"},
    {"a decimal number", "một số thập phân"},
    {"a directory", "một thư mục"},
    {"a history starts with a certification; add the earlier certified date", "lịch sử phải bắt đầu bằng một lần được công nhận; hãy thêm ngày được công nhận trước đó"},
    {"a key of more than {} dotted parts", "khóa có hơn {} phần nối bằng dấu chấm"},
    {"a locality has one planned date; keep one of the rows", "mỗi đơn vị chỉ có một ngày dự kiến; hãy giữ lại một trong các dòng"},
    {"a locality is certified or revoked at most once a day (see line {})", "mỗi ngày một đơn vị chỉ được công nhận hoặc bị thu hồi công nhận tối đa một lần (xem dòng {})"},
    {"a percentage ends with '%'", "tỷ lệ phần trăm phải kết thúc bằng '%'"},
    {"a percentage is written like \"30%\" or \"12.5%\"", "tỷ lệ phần trăm được ghi như \"30%\" hoặc \"12.5%\""},
    {"a percentage may have at most 12 decimals", "tỷ lệ phần trăm có tối đa 12 chữ số thập phân"},
    {"a percentage may have at most {} decimals", "tỷ lệ phần trăm có tối đa {} chữ số thập phân"},
    {"a percentage must be more than 0% and at most 100%", "tỷ lệ phần trăm phải lớn hơn 0% và không quá 100%"},
    {"a percentage string or an integer count", "một chuỗi tỷ lệ phần trăm hoặc một số nguyên (số đơn vị)"},
    {"a plan needs at least a [plan] table and one [[milestone]]", "kế hoạch cần ít nhất một bảng [plan] và một [[milestone]]"},
    {"a plan nests keys two levels deep at most; this is not a plan", "kế hoạch chỉ lồng khóa tối đa hai cấp; tệp này không phải kế hoạch"},
    {"a quote inside a field that does not start with one", "có dấu ngoặc kép bên trong một trường không bắt đầu bằng dấu ngoặc kép"},
    {"a quoted field ends at its closing quote; put the text inside the quotes, and write a quote inside them twice (\"\")", "trường trong dấu ngoặc kép kết thúc tại dấu ngoặc kép đóng; hãy đặt văn bản vào trong dấu ngoặc kép, và viết dấu ngoặc kép bên trong hai lần (\"\")"},
    {"a quoted field is not closed", "một trường trong dấu ngoặc kép chưa được đóng"},
    {"a second '{}' column", "cột '{}' thứ hai"},
    {"a second planned date for '{}': line {} plans {}", "ngày dự kiến thứ hai của '{}': dòng {} đã dự kiến ngày {}"},
    {"a socket", "một socket"},
    {"a string", "một chuỗi"},
    {"a table", "một bảng"},
    {"a time", "một giờ"},
    {"a unit is certified or revoked at most once a day, and {} {} it on that day", "mỗi ngày một đơn vị chỉ được công nhận hoặc bị thu hồi công nhận tối đa một lần, và {} đã {} đơn vị này vào ngày đó"},
    {"a value that contains a comma must be in quotes: \"Hai Phong, Viet Nam\"", "giá trị có dấu phẩy phải đặt trong dấu ngoặc kép: \"Hải Phòng, Việt Nam\""},
    {"add at least one [[milestone]]", "thêm ít nhất một [[milestone]]"},
    {"add at least one: [[milestone]] with deadline = 2025-12-31 and target = \"30%\"", "thêm ít nhất một mốc: [[milestone]] với deadline = 2025-12-31 và target = \"30%\""},
    {"add deadline = YYYY-MM-DD (unquoted)", "thêm deadline = YYYY-MM-DD (không đặt trong dấu ngoặc kép)"},
    {"add name = \"...\"", "thêm name = \"...\""},
    {"add name = \"...\" under [plan]", "thêm name = \"...\" dưới [plan]"},
    {"add one row per unit under the header: code,name,type", "hãy thêm mỗi đơn vị một dòng dưới dòng tiêu đề: code,name,type"},
    {"add target = \"30%\" (a share of total) or target = 35 (a count)", "thêm target = \"30%\" (tỷ lệ trên total) hoặc target = 35 (số đơn vị)"},
    {"add the closing quote; a quote inside a quoted field is written twice (\"\")", "hãy thêm dấu ngoặc kép đóng; dấu ngoặc kép bên trong trường được viết hai lần (\"\")"},
    {"add total = N under [plan], or list the localities as [[locality]]", "thêm total = N dưới [plan], hoặc liệt kê các đơn vị bằng [[locality]]"},
    {"after 9999", "sau năm 9999"},
    {"an array", "một mảng"},
    {"an array of tables", "một mảng các bảng"},
    {"an integer", "một số nguyên"},
    {"an ontrack plan starts with [plan] and name = \"...\"; see README.md", "kế hoạch của ontrack bắt đầu bằng [plan] và name = \"...\"; xem README.md"},
    {"at or above the path to the last milestone", "đạt hoặc vượt đường yêu cầu đến mốc cuối"},
    {"behind", "chậm tiến độ"},
    {"below the path by 1 unit", "thấp hơn đường yêu cầu 1 đơn vị"},
    {"below the path by {} units", "thấp hơn đường yêu cầu {} đơn vị"},
    {"cannot open the file: {}", "không thể mở tệp: {}"},
    {"cannot open the plan: {}", "không thể mở kế hoạch: {}"},
    {"cannot read a CSV file from {}", "không thể đọc tệp CSV từ {}"},
    {"cannot read a plan from {}", "không thể đọc kế hoạch từ {}"},
    {"cannot read the file: {}", "không thể đọc tệp: {}"},
    {"cannot write the report: {}", "không thể ghi báo cáo: {}"},
    {"certified", "được công nhận"},
    {"certified and revoked dates must alternate in time; add the missing event or remove this one", "các ngày được công nhận và bị thu hồi công nhận phải xen kẽ theo thời gian; hãy thêm sự kiện còn thiếu hoặc bỏ sự kiện này"},
    {"certified and revoked dates must alternate in time; add the missing event or remove this row", "các ngày được công nhận và bị thu hồi công nhận phải xen kẽ theo thời gian; hãy thêm sự kiện còn thiếu hoặc bỏ dòng này"},
    {"certified on {} while still certified since {}", "được công nhận ngày {} trong khi vẫn đang được công nhận từ ngày {}"},
    {"certified {}", "được công nhận {}"},
    {"certifies", "công nhận"},
    {"changed and back", "thay đổi rồi trở lại"},
    {"check the code or the name against the plan", "hãy đối chiếu mã hoặc tên với kế hoạch"},
    {"check the path", "hãy kiểm tra đường dẫn"},
    {"check the path; the plan is the first argument", "hãy kiểm tra đường dẫn; kế hoạch là đối số đầu tiên"},
    {"column {} is already '{}'; rename or remove one of them", "cột {} đã là '{}'; hãy đổi tên hoặc bỏ một trong hai cột"},
    {"correct the code or the name so that they agree", "hãy sửa mã hoặc tên cho khớp nhau"},
    {"covered", "đã đạt"},
    {"create a temporary file beside it", "tạo tệp tạm bên cạnh tệp này"},
    {"csv holds one table: give only one of --by, --list, --since", "csv chỉ chứa một bảng: chỉ dùng một trong --by, --list, --since"},
    {"deadline {} is not after the previous milestone's {} (line {})", "deadline {} không muộn hơn hạn {} của mốc trước (dòng {})"},
    {"did you mean '{}' ({})?", "có phải ý bạn là '{}' ({})?"},
    {"did you mean '{}'?", "có phải ý bạn là '{}'?"},
    {"did you mean '{}'? the event is certified, revoked or planned", "có phải ý bạn là '{}'? sự kiện phải là certified, revoked hoặc planned"},
    {"due today", "đến hạn hôm nay"},
    {"duplicate code '{}'", "mã '{}' bị trùng"},
    {"duplicate locality id '{}'", "mã đơn vị '{}' bị trùng"},
    {"duplicate locality name '{}'", "tên đơn vị '{}' bị trùng"},
    {"duplicate name '{}'", "tên '{}' bị trùng"},
    {"each key may appear once in a table; localities and milestones each need their own [[locality]] or [[milestone]] header", "mỗi khóa chỉ được xuất hiện một lần trong một bảng; mỗi đơn vị và mỗi mốc cần tiêu đề [[locality]] hoặc [[milestone]] riêng"},
    {"enclose the whole field in quotes and double the quotes inside it: \"say \"\"hi\"\"\"", "đặt cả trường trong dấu ngoặc kép và viết đôi các dấu ngoặc kép bên trong: \"say \"\"hi\"\"\""},
    {"every unit needs a name", "mỗi đơn vị cần có tên"},
    {"expected a date as YYYY-MM-DD", "cần một ngày dạng YYYY-MM-DD"},
    {"flush to disk", "ghi xuống đĩa"},
    {"give --certified, --revoked or --planned DATE", "hãy chỉ định --certified, --revoked hoặc --planned DATE"},
    {"give --id CODE or --name NAME", "hãy chỉ định --id CODE hoặc --name NAME"},
    {"give a CSV file, or - to read standard input", "hãy chỉ định một tệp CSV, hoặc - để đọc từ đầu vào chuẩn"},
    {"give a count of units, or a percentage in quotes: target = \"30%\"", "ghi số đơn vị, hoặc tỷ lệ phần trăm trong dấu ngoặc kép: target = \"30%\""},
    {"give a plan file, or - to read the plan from standard input", "hãy chỉ định một tệp kế hoạch, hoặc - để đọc kế hoạch từ đầu vào chuẩn"},
    {"give every column a value, separated by commas, even if it is empty", "hãy ghi giá trị cho mọi cột, cách nhau bằng dấu phẩy, kể cả khi để trống"},
    {"give the day only, as YYYY-MM-DD", "chỉ ghi ngày, dạng YYYY-MM-DD"},
    {"id", "mã"},
    {"ids are matched exactly, as written in id = \"...\"", "mã được so khớp chính xác, đúng như ghi trong id = \"...\""},
    {"in the plan", "trong kế hoạch"},
    {"invalid input", "dữ liệu đầu vào không hợp lệ"},
    {"it is already used at line {}; codes must be unique", "mã này đã dùng ở dòng {}; mỗi mã chỉ được dùng một lần"},
    {"it is already used at line {}; ids must be unique", "mã này đã dùng ở dòng {}; mỗi mã chỉ được dùng một lần"},
    {"it is already used at line {}; names must be unique", "tên này đã dùng ở dòng {}; mỗi tên chỉ được dùng một lần"},
    {"it is already used at line {}; names must be unique (add the district or the type to tell them apart)", "tên này đã dùng ở dòng {}; mỗi tên chỉ được dùng một lần (thêm quận, huyện hoặc loại để phân biệt)"},
    {"kind", "loại"},
    {"line {}", "dòng {}"},
    {"list milestones in order of their deadlines, each later than the one before", "liệt kê các mốc theo thứ tự hạn, hạn của mỗi mốc muộn hơn mốc trước"},
    {"locality {} is written as an inline table, which cannot be edited safely", "đơn vị {} được viết dưới dạng bảng nội tuyến, không thể sửa an toàn"},
    {"met", "đạt"},
    {"missed", "không đạt"},
    {"name", "tên"},
    {"name the plan, e.g. name = \"Hai Phong drug-free communes, wards and special zones\"", "đặt tên cho kế hoạch, ví dụ name = \"Xã, phường, đặc khu không ma túy thành phố Hải Phòng\""},
    {"names are matched exactly, diacritics and case included", "tên được so khớp chính xác, kể cả dấu và chữ hoa, chữ thường"},
    {"needs acceleration", "cần đẩy nhanh"},
    {"never", "không bao giờ"},
    {"no locality in this plan has an id: find it by name", "không đơn vị nào trong kế hoạch này có mã: hãy tìm theo tên"},
    {"no locality named '{}'", "không có đơn vị nào tên '{}'"},
    {"no locality with id '{}'", "không có đơn vị nào có mã '{}'"},
    {"not a plan: the file has no [plan] table", "không phải kế hoạch: tệp không có bảng [plan]"},
    {"not a regular file", "một tệp không phải tệp thông thường"},
    {"nothing", "không có gì"},
    {"nothing to add: the plan is unchanged", "không có gì để thêm: kế hoạch không thay đổi"},
    {"on track", "đúng tiến độ"},
    {"on-track", "đúng tiến độ"},
    {"ontrack: error: {}", "ontrack: lỗi: {}"},
    {"overdue", "quá hạn"},
    {"re-certified", "được công nhận lại"},
    {"reached", "đã đạt"},
    {"remove one of the two rows", "hãy bỏ một trong hai dòng"},
    {"replace", "thay thế"},
    {"revoked", "bị thu hồi công nhận"},
    {"revoked on {} before it was ever certified", "bị thu hồi công nhận ngày {} khi chưa từng được công nhận"},
    {"revoked on {} while already revoked since {}", "bị thu hồi công nhận ngày {} trong khi đã bị thu hồi công nhận từ ngày {}"},
    {"revoked {}", "bị thu hồi {}"},
    {"revokes", "thu hồi công nhận"},
    {"safe for 1 day", "an toàn thêm 1 ngày"},
    {"safe for {} days", "an toàn thêm {} ngày"},
    {"save it as \"CSV UTF-8 (comma delimited)\" (Excel) or as UTF-8 text", "hãy lưu dưới dạng \"CSV UTF-8 (comma delimited)\" (Excel) hoặc văn bản UTF-8"},
    {"save it as \"CSV UTF-8 (comma delimited)\" (Excel) or as UTF-8 text; Vietnamese text in a legacy encoding (TCVN3, VNI, Windows-1258) must be converted first", "hãy lưu dưới dạng \"CSV UTF-8 (comma delimited)\" (Excel) hoặc văn bản UTF-8; văn bản tiếng Việt dùng bảng mã cũ (TCVN3, VNI, Windows-1258) phải được chuyển đổi trước"},
    {"save the plan as UTF-8; Vietnamese text in a legacy encoding (TCVN3, VNI, Windows-1258) must be converted", "hãy lưu kế hoạch dưới dạng UTF-8; văn bản tiếng Việt dùng bảng mã cũ (TCVN3, VNI, Windows-1258) phải được chuyển đổi"},
    {"say which unit the record is for, by its code or its name", "hãy ghi mã hoặc tên của đơn vị mà bản ghi này nói đến"},
    {"see the plan format in README.md", "xem định dạng kế hoạch trong README.md"},
    {"set permissions", "đặt quyền truy cập"},
    {"split the plan, or check that this is a plan file", "hãy chia nhỏ kế hoạch, hoặc kiểm tra xem đây có phải tệp kế hoạch không"},
    {"stagnant or regressing", "đứng yên hoặc giảm"},
    {"target \"{}\" is not a percentage in (0, 100]", "target \"{}\" không phải tỷ lệ phần trăm trong khoảng (0, 100]"},
    {"target must be at least 1 unit, not {}", "target phải từ 1 đơn vị trở lên, không được là {}"},
    {"target requires {} units, fewer than the {} of the previous milestone (line {})", "target cần đạt {} đơn vị, ít hơn {} đơn vị của mốc trước (dòng {})"},
    {"target {} is more than the plan's total of {}", "target {} lớn hơn total của kế hoạch là {}"},
    {"targets are cumulative: each milestone requires at least as many units as the one before", "chỉ tiêu là lũy kế: số đơn vị cần đạt của mỗi mốc ít nhất bằng mốc trước"},
    {"text after the closing quote of a field", "có văn bản sau dấu ngoặc kép đóng của một trường"},
    {"that day does not exist in that month", "tháng đó không có ngày này"},
    {"the date is empty", "ngày đang để trống"},
    {"the deadline '{}' is not a date: {}", "hạn '{}' không phải ngày: {}"},
    {"the event is certified, revoked or planned", "sự kiện phải là certified, revoked hoặc planned"},
    {"the event is empty", "sự kiện đang để trống"},
    {"the file has no header row", "tệp không có dòng tiêu đề"},
    {"the file is UTF-16, not UTF-8", "tệp được mã hóa UTF-16, không phải UTF-8"},
    {"the file is empty", "tệp trống"},
    {"the file is larger than 1 GiB", "tệp lớn hơn 1 GiB"},
    {"the file is not valid UTF-8 (byte 0x{:02x})", "tệp không phải UTF-8 hợp lệ (byte 0x{:02x})"},
    {"the first row must name the columns code (or unit, or name), event and date, in any order; it names: {}", "dòng đầu tiên phải ghi tên các cột code (hoặc unit, hoặc name), event và date, theo thứ tự bất kỳ; dòng này ghi: {}"},
    {"the first row must name the columns code, name and type, in any order; it names: {}", "dòng đầu tiên phải ghi tên các cột code, name và type, theo thứ tự bất kỳ; dòng này ghi: {}"},
    {"the header has no 'code', 'unit' or 'name' column", "dòng tiêu đề không có cột 'code', 'unit' hay 'name'"},
    {"the header has no '{}' column", "dòng tiêu đề không có cột '{}'"},
    {"the html page shows one plan; give one FILE", "trang html chỉ hiển thị một kế hoạch; hãy đưa một FILE"},
    {"the keys allowed here are: {}", "các khóa được phép ở đây: {}"},
    {"the locality's name is empty", "tên đơn vị đang để trống"},
    {"the milestone of {} asks for {} units, more than the {} units of the plan", "mốc {} cần {} đơn vị, nhiều hơn {} đơn vị của kế hoạch"},
    {"the milestone of {} requires {} units, fewer than the {} of the milestone of {}; targets are cumulative", "mốc {} cần đạt {} đơn vị, ít hơn {} đơn vị của mốc {}; chỉ tiêu là lũy kế"},
    {"the month must be 01 to 12", "tháng phải từ 01 đến 12"},
    {"the plan", "kế hoạch"},
    {"the plan file", "tệp kế hoạch"},
    {"the plan has no [[milestone]]", "kế hoạch không có [[milestone]] nào"},
    {"the plan has no total and no localities", "kế hoạch không có total và không liệt kê đơn vị nào"},
    {"the plan lists no [[locality]]; add the locality first", "kế hoạch không có [[locality]] nào; hãy thêm đơn vị trước"},
    {"the plan's name is empty", "tên kế hoạch đang để trống"},
    {"the roster lists no units", "danh sách không có đơn vị nào"},
    {"the row has 1 field but the header has {} ({})", "dòng có 1 trường nhưng dòng tiêu đề có {} ({})"},
    {"the row has {} fields but the header has {} ({})", "dòng có {} trường nhưng dòng tiêu đề có {} ({})"},
    {"the same record as line {}", "trùng bản ghi ở dòng {}"},
    {"the target '{}' is neither a percentage (30%) nor a count of units (52)", "chỉ tiêu '{}' không phải tỷ lệ phần trăm (30%) cũng không phải số đơn vị (52)"},
    {"the target '{}': {}", "chỉ tiêu '{}': {}"},
    {"the unit '{}' is '{}' in the plan, not '{}'", "đơn vị '{}' trong kế hoạch là '{}', không phải '{}'"},
    {"the unit's name is empty", "tên đơn vị đang để trống"},
    {"the year must be 0001 to 9999", "năm phải từ 0001 đến 9999"},
    {"the {} is empty", "giá trị cột {} đang để trống"},
    {"there are no milestones", "không có mốc nào"},
    {"total is the number of units the plan covers, e.g. total = 114", "total là tổng số đơn vị thuộc kế hoạch, ví dụ total = 114"},
    {"total is {} but the plan lists {} localities", "total là {} nhưng kế hoạch liệt kê {} đơn vị"},
    {"total may not be smaller than the number of [[locality]] entries; raise it to at least {} or leave it out", "total không được nhỏ hơn số mục [[locality]]; hãy tăng lên ít nhất {} hoặc bỏ total đi"},
    {"total must be at least 1, not {}", "total phải từ 1 trở lên, không được là {}"},
    {"true or false", "true hoặc false"},
    {"two events on {}", "hai sự kiện trong cùng ngày {}"},
    {"two milestones on {}", "hai mốc cùng ngày {}"},
    {"uncovered", "chưa đạt"},
    {"unexpected failure", "lỗi không mong đợi"},
    {"unknown event '{}'", "sự kiện '{}' không hợp lệ"},
    {"unknown field \"{}\" for --by; valid fields: kind, id, name", "trường \"{}\" không hợp lệ cho --by; các trường hợp lệ: kind, id, name"},
    {"unknown key '{}' in {}", "khóa không hợp lệ '{}' trong {}"},
    {"unknown unit '{}': no locality of the plan has this code or name", "đơn vị '{}' không xác định: không có đơn vị nào trong kế hoạch có mã hoặc tên này"},
    {"write", "ghi"},
    {"write a percentage in quotes: target = \"{}%\"", "ghi tỷ lệ phần trăm trong dấu ngoặc kép: target = \"{}%\""},
    {"write dates as YYYY-MM-DD, e.g. 2025-12-31; a spreadsheet that shows 31/12/2025 must format the column as text or as YYYY-MM-DD before saving", "hãy ghi ngày dạng YYYY-MM-DD, ví dụ 2025-12-31; bảng tính hiển thị 31/12/2025 phải định dạng cột là văn bản hoặc YYYY-MM-DD trước khi lưu"},
    {"write each entry under its own [[locality]] header", "ghi mỗi mục dưới một tiêu đề [[locality]] riêng"},
    {"write each entry under its own [[milestone]] header", "ghi mỗi mục dưới một tiêu đề [[milestone]] riêng"},
    {"write illustrative = true, unquoted", "ghi illustrative = true, không đặt trong dấu ngoặc kép"},
    {"write it as YYYY-MM-DD, unquoted: {} = 2025-12-31", "ghi dạng YYYY-MM-DD, không đặt trong dấu ngoặc kép: {} = 2025-12-31"},
    {"write it as a [plan] header", "ghi thành tiêu đề [plan]"},
    {"write it as its own [[locality]] section, one key per line, then record the event again", "hãy viết thành mục [[locality]] riêng, mỗi khóa một dòng, rồi ghi lại sự kiện"},
    {"write it in quotes: kind = \"...\"", "ghi trong dấu ngoặc kép: kind = \"...\""},
    {"write it in quotes: {} = \"...\"", "ghi trong dấu ngoặc kép: {} = \"...\""},
    {"write it unquoted: {} = {}", "ghi không đặt trong dấu ngoặc kép: {} = {}"},
    {"write target = \"30%\" (a share of total) or target = 35 (a count)", "ghi target = \"30%\" (tỷ lệ trên total) hoặc target = 35 (số đơn vị)"},
    {"write the code in quotes: id = \"11506\"", "ghi mã trong dấu ngoặc kép: id = \"11506\""},
    {"write the code in quotes: id = \"{}\"", "ghi mã trong dấu ngoặc kép: id = \"{}\""},
    {"write the dates in the array unquoted: {} = [..., {}, ...]", "ghi các ngày trong mảng không đặt trong dấu ngoặc kép: {} = [..., {}, ...]"},
    {"write the number of units, e.g. total = 114", "ghi số đơn vị, ví dụ total = 114"},
    {"{} has no '{}'", "{} thiếu '{}'"},
    {"{} is not before the as-of day {}", "{} không trước ngày tính {}"},
    {"{} plans: {} of {} units drug-free ({}); {} of {} plans have a milestone missed or behind ({} of {} milestones).", "{} kế hoạch: {}/{} đơn vị không ma túy ({}); {}/{} kế hoạch có mốc không đạt hoặc chậm tiến độ ({}/{} mốc)."},
    {"{} to add, {} already recorded{}", "{} cần thêm, {} đã có{}"},
    {"{} {} is already recorded for {}", "{} {} đã có trong kế hoạch cho {}"},
    {"{}, planned {}", "{}, dự kiến {}"},
    {"{}: cannot {}: {}", "{}: không thể {}: {}"},
    {"{}: covered", "{}: đã đạt"},
    {"{}: exists; use --force to replace it", "{}: tệp đã tồn tại; dùng --force để ghi đè"},
    {"{}: not a regular file; give a file name for the report", "{}: không phải tệp thông thường; hãy chỉ định tên tệp cho báo cáo"},
    {"{}: ok: {} localities, {} milestones", "{}: ok: {} đơn vị, {} mốc"},
    {"{}: refusing to write the report over the plan it reads", "{}: không ghi báo cáo đè lên kế hoạch đang được đọc"},
    {"{}: shortfall share", "{}: phần còn thiếu"},
    {"{}: target = \"{}%\" for a share of total, or target = {} unquoted for a count", "{}: ghi target = \"{}%\" nếu là tỷ lệ trên total, hoặc target = {} không đặt trong dấu ngoặc kép nếu là số đơn vị"},
    {"{}: {} events added", "{}: đã thêm {} sự kiện"},
    {"{}: {} localities, {} milestones", "{}: {} đơn vị, {} mốc"},
    {"{}: {} {} added (line {})", "{}: đã thêm {} {} (dòng {})"},
    {"{}: {} {} replaces {} (line {})", "{}: {} {} thay cho {} (dòng {})"},
    {"{}:{}: add: {}{}: {} {}", "{}:{}: thêm: {}{}: {} {}"},
    {"{}:{}: already recorded: {}: {} {}", "{}:{}: đã có: {}: {} {}"},
    {"{}:{}:{}: error: {}", "{}:{}:{}: lỗi: {}"},
    {"{}; or give a count as a bare integer: target = 35", "{}; hoặc ghi số đơn vị bằng một số nguyên không đặt trong dấu ngoặc kép: target = 35"},
    {"{}; write it unquoted, e.g. {} = 2025-12-31", "{}; ghi không đặt trong dấu ngoặc kép, ví dụ {} = 2025-12-31"},

};
// clang-format on

// Digits of `magnitude` with `separator` between groups of three.
std::string grouped(std::uint64_t magnitude, char separator) {
    const std::string digits = std::to_string(magnitude);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

// |n| without overflow for the most negative value.
std::uint64_t magnitude(std::int64_t n) {
    return n < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

}  // namespace

void set_language(Lang lang) {
    current_language.store(lang, std::memory_order_relaxed);
}

Lang language() {
    return current_language.load(std::memory_order_relaxed);
}

Lang language_from_environment(const char* lc_all, const char* lc_messages, const char* lang) {
    for (const char* value : {lc_all, lc_messages, lang}) {
        if (!value || !*value) continue;
        const std::string_view v(value);
        const bool vi = v.substr(0, 2) == "vi" && (v.size() == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@');
        return vi ? Lang::vi : Lang::en;
    }
    return Lang::en;
}

std::optional<Lang> parse_lang(std::string_view name) {
    if (name == "vi") return Lang::vi;
    if (name == "en") return Lang::en;
    return std::nullopt;
}

const char* tr(const char* english) {
    if (language() == Lang::en || !english) return english;
    const auto* end = std::end(entries);
    const auto* it = std::lower_bound(std::begin(entries), end, english, [](const CatalogueEntry& e, const char* key) {
        return std::strcmp(e.english, key) < 0;
    });
    return it != end && std::strcmp(it->english, english) == 0 ? it->vietnamese : english;
}

std::string human_date(Date d) {
    if (language() == Lang::en) return to_iso(d);
    return fmt::format("{:02}/{:02}/{:04}", d.day(), d.month(), d.year());
}

std::string human_count(std::int64_t n) {
    const char separator = language() == Lang::vi ? '.' : ',';
    return (n < 0 ? "-" : "") + grouped(magnitude(n), separator);
}

std::string human_tenths_percent(std::int64_t tenths) {
    const bool vi = language() == Lang::vi;
    const std::uint64_t m = magnitude(tenths);
    return fmt::format("{}{}{}{}%", tenths < 0 ? "-" : "", grouped(m / 10, vi ? '.' : ','), vi ? ',' : '.', m % 10);
}

CatalogueView catalogue() {
    return CatalogueView{std::begin(entries), std::size(entries)};
}

}  // namespace ontrack
