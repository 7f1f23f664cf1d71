//! The words of signing in, passkeys, accounts and notices, Vietnamese first. A missing translation does not compile.

crate::texts! {
    pub struct IdentityTexts {
        demo_sign_in_title: "Đăng nhập trình diễn", "Demo sign-in";
        demo_sign_in_intro:
            "Chọn một người dùng trình diễn để xem hệ thống với vai trò của họ. Lối tắt này chỉ có trong chế độ trình diễn.",
            "Pick a demo user to see the system in their role. This shortcut exists only in demo mode.";
        demo_act_as: "Đăng nhập với tư cách", "Sign in as";
        sign_in_passkey_soon:
            "Đăng nhập bằng khóa truy cập (passkey) là cách đăng nhập duy nhất của hệ thống. Người dùng mới nhận liên kết đăng ký từ Văn phòng Chính phủ.",
            "Passkeys are the only way to sign in to this system. New users get an enrolment link from the Government Office.";
        role_member: "Thành viên Chính phủ", "Government member";
        role_guest: "Khách mời", "Guest";
        role_secretariat: "Văn phòng Chính phủ", "Government Office";
        role_admin: "Quản trị hệ thống", "System administrator";
        role_officer: "Cán bộ đầu mối của bộ", "Ministry officer";
        admin_title: "Quản trị hệ thống", "Administration";
        enrol_title: "Đăng ký khóa truy cập", "Set up your passkey";
        enrol_intro:
            "Tạo khóa truy cập (passkey) trên thiết bị này để đăng nhập e-Cabinet. Thiết bị sẽ hỏi vân tay, khuôn mặt hoặc mã PIN; không có mật khẩu nào cần nhớ.",
            "Create a passkey on this device to sign in to e-Cabinet. The device will ask for your fingerprint, face or PIN; there is no password to remember.";
        enrol_account: "Tài khoản", "Account";
        passkey_name_label:
            "Tên thiết bị (để nhận biết khóa này)",
            "Device name (to recognise this passkey)";
        passkey_name_default: "Máy tính bảng", "Tablet";
        enrol_button: "Tạo khóa truy cập", "Create passkey";
        enrol_done:
            "Đã tạo khóa truy cập trên thiết bị này. Từ nay đồng chí đăng nhập bằng vân tay, khuôn mặt hoặc mã PIN của thiết bị.",
            "Your passkey was created on this device. From now on you sign in with the device's fingerprint, face or PIN.";
        enrol_continue: "Vào e-Cabinet", "Go to e-Cabinet";
        sign_in_with_passkey: "Đăng nhập bằng khóa truy cập", "Sign in with a passkey";
        working: "Đang chờ thiết bị…", "Waiting for the device…";
        passkey_cancelled:
            "Thiết bị không tạo hoặc không dùng được khóa truy cập (thao tác bị hủy hoặc không được hỗ trợ).",
            "The device did not create or use a passkey (cancelled, or not supported).";
        session_ended_title: "Phiên làm việc đã kết thúc", "Your session has ended";
        session_ended_text:
            "Tài khoản đã bị đăng xuất khỏi thiết bị này; nội dung đã được gỡ khỏi màn hình.",
            "This device was signed out; the content has been removed from the screen.";
        lock_title: "Màn hình đã khóa", "Screen locked";
        lock_text:
            "Không có thao tác trong một thời gian. Xác nhận bằng khóa truy cập để tiếp tục đúng chỗ đang xem.",
            "There was no activity for a while. Confirm with your passkey to carry on where you were.";
        lock_unlock: "Mở khóa bằng khóa truy cập", "Unlock with a passkey";
        account_title: "Tài khoản của tôi", "My account";
        passkeys_title: "Khóa truy cập", "Passkeys";
        created_on: "Tạo lúc", "Created";
        last_used: "dùng lần cuối", "last used";
        passkey_last_hint:
            "Không thể xóa khóa truy cập cuối cùng.",
            "The last passkey cannot be removed.";
        passkey_add_title: "Thêm khóa truy cập trên thiết bị này", "Add a passkey on this device";
        passkey_add_button: "Thêm khóa truy cập", "Add passkey";
        sessions_title: "Các thiết bị đang đăng nhập", "Devices signed in";
        this_device: "Thiết bị này", "This device";
        signed_in_on: "đăng nhập lúc", "signed in";
        last_active: "hoạt động lần cuối", "last active";
        sign_out_others: "Đăng xuất tất cả thiết bị khác", "Sign out all other devices";
        notices_title: "Thông báo", "Notices";
        accounts_title: "Quản lý tài khoản", "Accounts";
        accounts_list_title: "Danh sách tài khoản", "All accounts";
        issued_links_title: "Liên kết đăng ký vừa cấp", "Enrolment links issued";
        issued_links_hint:
            "Trao tận tay liên kết cho đúng người (hoặc qua kênh an toàn). Liên kết dùng được một lần, hết hạn sau 72 giờ, và không hiển thị lại.",
            "Hand each link to its owner in person (or over a safe channel). A link works once, expires after 72 hours and is not shown again.";
        valid_until: "hiệu lực đến", "valid until";
        requested_links_title: "Đã gửi đề nghị cấp liên kết đăng ký", "Enrolment links requested";
        requested_links_hint:
            "Liên kết chỉ được tạo khi một người thứ hai có thẩm quyền phê duyệt, và chỉ hiển thị cho người phê duyệt để trao tận tay.",
            "A link is made only when a second authorised person approves the request, and is shown to that person alone for the hand-over.";
        pending_links_title:
            "Đề nghị cấp liên kết chờ phê duyệt",
            "Enrolment requests awaiting approval";
        pending_links_hint:
            "Nguyên tắc bốn mắt: người đề nghị không thể tự phê duyệt. Phê duyệt đặt lại tài khoản sẽ thu hồi mọi khóa truy cập và phiên đăng nhập của tài khoản đó.",
            "Four eyes: whoever asked cannot approve. Approving a reset revokes every passkey and session of that account.";
        pending_links_none: "Không có đề nghị nào chờ phê duyệt.", "No requests are waiting.";
        pending_requested_by: "Người đề nghị", "Requested by";
        pending_reset: "Đặt lại (thu hồi mọi khóa)", "Reset (revoke every passkey)";
        approve_link: "Phê duyệt và hiển thị liên kết", "Approve and show the link";
        refuse_link: "Từ chối", "Refuse";
        withdraw_link: "Rút lại đề nghị", "Withdraw the request";
        account_create_title: "Tạo tài khoản", "Create an account";
        account_name: "Họ và tên", "Full name";
        account_title_field: "Chức vụ", "Title";
        account_ministry: "Mã bộ, cơ quan (ví dụ BTC)", "Ministry code (e.g. BTC)";
        account_role: "Vai trò", "Role";
        account_email: "Thư điện tử", "E-mail";
        account_phone: "Điện thoại", "Phone";
        account_create_button: "Tạo tài khoản và đề nghị cấp liên kết", "Create and request a link";
        account_import_title: "Nhập nhiều tài khoản từ tệp CSV", "Import accounts from CSV";
        account_import_hint:
            "Dòng đầu là tên cột: họ_tên, chức_vụ, mã_bộ, vai_trò, email, điện_thoại (hoặc full_name, title, ministry, role, email, phone). Tệp lỗi ở dòng nào thì không tài khoản nào được tạo.",
            "The first line names the columns: full_name, title, ministry, role, email, phone. If any line is wrong, no account is created.";
        account_import_file: "Chọn tệp CSV", "Choose a CSV file";
        account_import_text: "hoặc dán nội dung", "or paste its content";
        account_import_button: "Nhập và cấp liên kết", "Import and issue links";
        actions: "Thao tác", "Actions";
        account_inactive: "Đã vô hiệu hóa", "Deactivated";
        revoke_other_passkeys:
            "Đặt lại: thu hồi mọi khóa truy cập (mất thiết bị)",
            "Reset: revoke every passkey (lost device)";
        reissue_link: "Đề nghị cấp liên kết mới", "Request a new link";
        deactivate: "Vô hiệu hóa", "Deactivate";
        deactivate_confirm: "Xác nhận vô hiệu hóa", "Confirm deactivation";
        sign_in_named_summary:
            "Thiết bị không gợi ý khóa? Đăng nhập bằng thư điện tử",
            "Device offers no passkey? Sign in with your e-mail";
        sign_in_named_button: "Tiếp tục với khóa truy cập", "Continue with a passkey";
    }
}
