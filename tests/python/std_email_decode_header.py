from email.header import decode_header
print(decode_header('John Doe <john@example.com>'))
r = decode_header('=?utf-8?q?J=C3=B6rg_Sommer?= <joerg@example.com>')
print(r[0][0].decode('utf-8'), r[0][1])
r = decode_header('=?UTF-8?B?SsO2cmc=?=')
print(r[0][0].decode('utf-8'), r[0][1])
