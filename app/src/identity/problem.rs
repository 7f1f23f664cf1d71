//! What can be wrong with an account's data: a closed set, worded here in both languages (the
//! error type carries it, see `crate::error::BadInput`).
// Stored names are the variants' own: the error crosses the network as it did before.
crate::labelled_enum! {
    /// What is wrong with an account's data.
    pub enum AccountProblem {
        NameMissing => "NameMissing",
            "Chưa nhập họ và tên.",
            "The full name is missing.";
        RoleUnknown => "RoleUnknown",
            "Vai trò không hợp lệ (thành viên, khách mời, văn phòng chính phủ, quản trị).",
            "The role is not valid (member, guest, secretariat, admin).";
        EmailInvalid => "EmailInvalid",
            "Địa chỉ thư điện tử không hợp lệ.",
            "The e-mail address is not valid.";
        /// Another account (or another line of the same file) has this e-mail address.
        EmailTaken => "EmailTaken",
            "Địa chỉ thư điện tử này đã được dùng cho tài khoản khác.",
            "This e-mail address is already used by another account.";
        MinistryUnknown => "MinistryUnknown",
            "Không có bộ, cơ quan với mã này.",
            "There is no ministry with this code.";
        /// The CSV file lacks a required column or cannot be read.
        CsvUnreadable => "CsvUnreadable",
            "Không đọc được tệp CSV: cần các cột họ_tên, chức_vụ, mã_bộ, vai_trò, email, điện_thoại.",
            "The CSV file cannot be read: it needs the columns full_name, title, ministry, role, email, phone.";
        /// Nothing to import.
        CsvEmpty => "CsvEmpty",
            "Tệp CSV không có dòng nào để nhập.",
            "The CSV file has no lines to import.";
        /// A new link without a reset for an account that already has a passkey: its holder adds
        /// the new device with that passkey, or a reset (approved by a second person) is needed.
        HasPasskeys => "HasPasskeys",
            "Tài khoản đã có khóa truy cập: người dùng tự thêm thiết bị mới bằng khóa hiện có \
                 (Tài khoản của tôi), hoặc chọn thu hồi mọi khóa truy cập để đặt lại.",
            "The account already has a passkey: its holder adds the new device with it \
                 (My account), or choose to revoke every passkey to reset the account.";
        /// The request was made by the one who would approve it: a second person must.
        OwnRequest => "OwnRequest",
            "Không thể tự phê duyệt yêu cầu của mình: cần một người thứ hai phê duyệt.",
            "You cannot approve your own request: a second person must approve it.";
    }
}
