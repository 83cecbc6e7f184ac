-- A template is written either for the reply letter (REPLY, picked in the proposal forms) or for the
-- questions mailed to the customer when the analysis needs more information (INFO_REQUEST, picked in
-- AnalyzeComplaint). Every existing template is a reply text. Runs unchanged on H2 and PostgreSQL
-- (H2 wants DEFAULT before NOT NULL).
ALTER TABLE reply_template ADD COLUMN purpose VARCHAR(20) DEFAULT 'REPLY' NOT NULL;
ALTER TABLE reply_template ADD CONSTRAINT ck_reply_template_purpose CHECK (purpose IN ('REPLY', 'INFO_REQUEST'));
DROP INDEX ix_reply_template_active;
CREATE INDEX ix_reply_template_active ON reply_template (active, purpose, language, name);

-- Reference data: the first information requests (the mail already greets the customer, names the
-- complaint and says how to answer; these are the questions themselves). No {amount}: none is known yet.
INSERT INTO reply_template (name, language, purpose, body, active, updated_by, updated_at) VALUES
('Hỏi mã và thời gian giao dịch', 'vi', 'INFO_REQUEST',
'Để kiểm tra khiếu nại {reference} về “{subject}”, chúng tôi kính đề nghị Quý khách {customer.name} cung cấp thêm:
1. Mã giao dịch (in trên biên lai hoặc trong lịch sử giao dịch của ứng dụng);
2. Thời gian thực hiện giao dịch (ngày, giờ, phút) và số tiền giao dịch;
3. Kênh thực hiện (ứng dụng, website, quầy giao dịch).',
TRUE, 'system', CURRENT_TIMESTAMP),
('Đề nghị gửi ảnh chụp màn hình lỗi', 'vi', 'INFO_REQUEST',
'Để xác định nguyên nhân sự cố Quý khách phản ánh, kính đề nghị Quý khách gửi cho chúng tôi:
1. Ảnh chụp màn hình thông báo lỗi (nếu có thể, chụp cả thời gian hiển thị trên máy);
2. Tên và phiên bản ứng dụng hoặc trình duyệt Quý khách đang sử dụng;
3. Các bước Quý khách đã thực hiện ngay trước khi lỗi xuất hiện.
Nếu cần hỗ trợ, Quý khách vui lòng gọi đường dây nóng {hotline}.',
TRUE, 'system', CURRENT_TIMESTAMP),
('Đề nghị cung cấp sao kê tài khoản ngân hàng', 'vi', 'INFO_REQUEST',
'Để đối soát giao dịch với ngân hàng đối tác, kính đề nghị Quý khách {customer.name} cung cấp bản sao kê tài khoản ngân hàng (hoặc ảnh chụp lịch sử giao dịch trên ứng dụng ngân hàng) thể hiện khoản tiền liên quan đến khiếu nại {reference}.
Quý khách có thể che các giao dịch khác không liên quan. Chúng tôi cam kết chỉ sử dụng thông tin này để giải quyết khiếu nại của Quý khách.',
TRUE, 'system', CURRENT_TIMESTAMP),
('Hỏi mã khuyến mãi', 'vi', 'INFO_REQUEST',
'Để kiểm tra điều kiện hưởng khuyến mãi, kính đề nghị Quý khách cho biết:
1. Mã khuyến mãi hoặc tên chương trình khuyến mãi Quý khách đã tham gia;
2. Thời điểm Quý khách đăng ký hoặc nhập mã khuyến mãi;
3. Nơi Quý khách nhận được thông tin về chương trình (tin nhắn, e-mail, website, mạng xã hội).',
TRUE, 'system', CURRENT_TIMESTAMP),
('Transaction code and time', 'en', 'INFO_REQUEST',
'To look into your complaint {reference} about “{subject}”, {customer.name}, we kindly ask you to tell us:
1. The transaction code (on the receipt or in the transaction history of the app);
2. The date and time of the transaction, and its amount;
3. Where you made it (app, website, counter).',
TRUE, 'system', CURRENT_TIMESTAMP),
('Screenshot of the error', 'en', 'INFO_REQUEST',
'To find the cause of the problem you reported, please send us:
1. A screenshot of the error message (if possible with the time shown on your device);
2. The name and version of the app or browser you were using;
3. The steps you took just before the error appeared.
Should you need help, please call our hotline {hotline}.',
TRUE, 'system', CURRENT_TIMESTAMP),
('Bank account statement', 'en', 'INFO_REQUEST',
'To reconcile the transaction with our partner bank, we kindly ask you, {customer.name}, for a bank account statement (or a screenshot of your banking app''s history) showing the payment concerned by complaint {reference}.
You may hide any unrelated transactions. We will use this information only to resolve your complaint.',
TRUE, 'system', CURRENT_TIMESTAMP),
('Promotion code', 'en', 'INFO_REQUEST',
'To check whether the promotion applies to you, please tell us:
1. The promotion code or the name of the promotion you took part in;
2. When you registered for it or entered the code;
3. Where you learnt about the promotion (text message, e-mail, website, social media).',
TRUE, 'system', CURRENT_TIMESTAMP);
